package lab.web.cli;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import lab.core.cli.LabCommand;
import lab.core.cli.Main;
import lab.core.cli.ProfileOption;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./lab demo}: the site first — its address printed within seconds — then a benchmark run
 * (through {@code ./lab run} itself, so the demo runs exactly what a user would type) into the same
 * reports folder, whose results appear on the site as they land (the runner publishes them; the
 * run page reloads itself). Ctrl+C stops both: the runner stores the run as interrupted and stops
 * its forks, the site stops with the JVM. After the run the site keeps serving until Ctrl+C. The
 * README's first command.
 */
@Command(name = "demo", description = "the report site (address printed first), then a quick run whose results appear on it as they land")
public final class DemoCommand implements LabCommand {

    @Mixin
    ProfileOption profile;

    @Mixin
    SiteOptions site;

    @Override
    public int run(PrintStream out, PrintStream err) throws Exception {
        Javalin app = ServeCommand.start(site, RunRepository.defaultReports(), RunRepository.defaultProfiles(), out);
        CountDownLatch stopped = ServeCommand.stopOnExit(app);
        String address = "http://" + site.shownHost() + ":" + app.port();
        String label = profile.profile().label();
        out.println("storelab demo: ./lab run --profile " + label + " --label demo — its results appear at " + address
                + "/runs as each benchmark finishes (Ctrl+C stops the run and the site)");
        out.flush();
        int code = Main.run(new String[] {"run", "--profile", label, "--label", "demo"}, out, err);
        if (code == 130) {
            return code; // Ctrl+C: the run is stored as interrupted and the JVM is exiting; the site stops with it
        }
        if (code != 0) {
            err.println("lab demo: the run ended with exit code " + code + "; it is stored with its status and error — serving anyway");
        }
        List<StoredRun> runs = new RunRepository(RunRepository.defaultReports()).list();
        if (!runs.isEmpty()) {
            out.println("storelab demo: the newest run is at " + address + "/runs/" + runs.get(0).id() + "   (Ctrl+C stops the site)");
        }
        stopped.await();
        return 0;
    }
}
