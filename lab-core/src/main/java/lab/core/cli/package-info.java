/**
 * {@code ./lab}'s commands (the top layer of lab-core: see {@link lab.core}). One small class per
 * command, declared with picocli's annotations: {@link lab.core.cli.Main} generates usage, help
 * and errors from the declarations and maps outcomes to exit codes (0 done, 1 failed, 2 usage
 * error). Options shared by several commands are mixins ({@link lab.core.cli.ReportsOption},
 * {@link lab.core.cli.ProfilesOption}, {@link lab.core.cli.ProfileOption}); a command from
 * another module implements {@link lab.core.cli.LabCommand} and lists itself in
 * {@code META-INF/services/lab.core.cli.LabCommand}.
 */
package lab.core.cli;
