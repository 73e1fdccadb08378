package lab.core.cli;

import java.nio.file.Path;

import lab.core.record.RunRepository;
import picocli.CommandLine.Option;

/** {@code --reports DIR}: where stored runs are (a mixin: {@code @Mixin ReportsOption reports;}). */
public final class ReportsOption {

    @Option(names = "--reports", paramLabel = "DIR", description = "where runs are stored (default: reports/ of the checkout)")
    private Path reports;

    /** The folder given, absolute, or {@link RunRepository#defaultReports()}. */
    public Path dir() {
        return reports == null ? RunRepository.defaultReports() : reports.toAbsolutePath().normalize();
    }

    public RunRepository repository() {
        return new RunRepository(dir());
    }
}
