package lab.web.cli;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import lab.core.cli.LabCommand;
import lab.core.cli.ProfilesOption;
import lab.core.cli.ReportsOption;
import lab.web.Site;
import lab.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./lab serve}: the report site over reports/ and profiles/, until Ctrl+C. */
@Command(name = "serve", description = "serve the report site over the stored runs (tables, flame graphs, layouts, API)")
public final class ServeCommand implements LabCommand {

    @Mixin
    SiteOptions site;

    @Mixin
    ReportsOption reports;

    @Mixin
    ProfilesOption profiles;

    @Override
    public int run(PrintStream out, PrintStream err) throws InterruptedException {
        serveUntilStopped(start(site, reports.dir(), profiles.dir(), out));
        return 0;
    }

    /** Starts the site and prints its address. */
    static Javalin start(SiteOptions options, Path reports, Path profiles, PrintStream out) {
        Site site = Site.of(reports, profiles);
        Javalin app = WebApp.create(site).start(options.host, options.port);
        int runs = site.runs().all().size();
        out.println("storelab: " + runs + " stored run" + (runs == 1 ? "" : "s") + " in " + site.reports()
                + ", profiles in " + site.profiles());
        out.println("storelab: serving at http://" + options.shownHost() + ":" + app.port() + "/   (Ctrl+C stops"
                + (options.loopback() ? "; --host 0.0.0.0 serves other machines)" : ")"));
        return app;
    }

    static void serveUntilStopped(Javalin app) throws InterruptedException {
        stopOnExit(app).await();
    }

    /** Stops the site when the JVM exits (Ctrl+C); the latch opens once it has. */
    static CountDownLatch stopOnExit(Javalin app) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }, "lab-serve-stop"));
        return stopped;
    }
}
