package lab.core.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lab.core.bench.Profile;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --profile smoke|quick|full} (a mixin). The command's help lists every profile with
 * {@link Profile#description()}, so what the help says is what the profile does.
 */
public final class ProfileOption {

    @Option(names = "--profile", paramLabel = "P", converter = ProfileConverter.class,
            description = "smoke, quick or full (default: quick; see Profiles below)")
    private Profile profile;

    public Profile profile() {
        return profile == null ? Profile.QUICK : profile;
    }

    /**
     * Adds a "Profiles" section, laid out like the option list, to the help of the command that
     * mixes this in (before its footer).
     */
    @Spec(Spec.Target.MIXEE)
    void describeProfiles(CommandSpec mixee) {
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(mixee.usageMessage().sectionMap());
        sections.put(SECTION, ProfileOption::profiles);
        List<String> keys = new ArrayList<>(mixee.usageMessage().sectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
        mixee.usageMessage().sectionMap(sections).sectionKeys(keys);
    }

    private static final String SECTION = "profiles";

    private static String profiles(Help help) {
        int label = 2 + Arrays.stream(Profile.values()).mapToInt(p -> p.label().length()).max().orElse(5) + 2;
        TextTable table = TextTable.forColumns(help.colorScheme(), new Column(label, 2, Column.Overflow.SPAN),
                new Column(help.commandSpec().usageMessage().width() - label, 1, Column.Overflow.WRAP));
        for (Profile p : Profile.values()) {
            table.addRowValues(p.label(), p.description());
        }
        return String.format("%nProfiles (their wall times on this machine: README.md, \"Running benchmarks\"):%n") + table;
    }

    /** {@link Profile#parse}: its message names the known profiles. */
    static final class ProfileConverter implements ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            try {
                return Profile.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
