package lab.web.cli;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.util.List;
import lab.core.cli.LabCommand;
import lab.core.cli.Main;
import lab.core.cli.ProfileOption;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./lab demo}: a benchmark run (through {@code ./lab run} itself, so the demo runs exactly
 * what a user would type), then the site, with the address of the new run printed. The README's
 * first command.
 */
@Command(name = "demo", description = "a quick run of every store, then the report site (prints the address)")
public final class DemoCommand implements LabCommand {

    @Mixin
    ProfileOption profile;

    @Mixin
    SiteOptions site;

    @Override
    public int run(PrintStream out, PrintStream err) throws Exception {
        String label = profile.profile().label();
        out.println("storelab demo: ./lab run --profile " + label + " --label demo");
        int code = Main.run(new String[] {"run", "--profile", label, "--label", "demo"}, out, err);
        if (code != 0) {
            err.println("lab demo: the run ended with exit code " + code + "; it is stored with its status and error — serving anyway");
        }
        Javalin app = ServeCommand.start(site, RunRepository.defaultReports(), RunRepository.defaultProfiles(), out);
        List<StoredRun> runs = new RunRepository(RunRepository.defaultReports()).list();
        if (!runs.isEmpty()) {
            out.println("storelab demo: the newest run is at http://" + site.shownHost() + ":" + app.port() + "/runs/" + runs.get(0).id());
        }
        ServeCommand.serveUntilStopped(app);
        return 0;
    }
}
