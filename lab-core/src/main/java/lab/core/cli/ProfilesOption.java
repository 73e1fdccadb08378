package lab.core.cli;

import java.nio.file.Path;

import lab.core.record.RunRepository;
import picocli.CommandLine.Option;

/** {@code --profiles DIR}: where async-profiler output (flame graphs) is stored (a mixin). */
public final class ProfilesOption {

    @Option(names = "--profiles", paramLabel = "DIR", description = "where flame graphs are stored (default: profiles/ of the checkout)")
    private Path profiles;

    /** The folder given, absolute, or {@link RunRepository#defaultProfiles()}. */
    public Path dir() {
        return profiles == null ? RunRepository.defaultProfiles() : profiles.toAbsolutePath().normalize();
    }
}
