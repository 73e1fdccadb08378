package lab.web;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import lab.core.cli.Command;
import lab.core.cli.Options;
import lab.core.cli.UsageException;
import lab.core.record.RunRepository;

/** {@code ./lab serve}: the report site over reports/ and profiles/, until Ctrl+C. */
public final class ServeCommand implements Command {

    static final int DEFAULT_PORT = 7070;

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String description() {
        return "serve the report site over the stored runs (tables, flame graphs, layouts, API)";
    }

    @Override
    public String usage() {
        return "[--port 7070] [--host 127.0.0.1] [--reports DIR] [--profiles DIR]\n"
                + "  --port      TCP port (default 7070; 0 picks a free one)\n"
                + "  --host      address to bind (default 127.0.0.1; 0.0.0.0 to let other machines and CI jobs reach it)\n"
                + "  --reports   stored runs folder (default: reports/ of the checkout)\n"
                + "  --profiles  async-profiler output folder (default: profiles/ of the checkout)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        Options o = Options.parse(args, new String[] {"port", "host", "reports", "profiles"}, new String[0]);
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
        }
        Javalin app = start(o, out);
        serveUntilStopped(app);
        return 0;
    }

    /** Starts the site from the serve options and prints its address. */
    static Javalin start(Options o, PrintStream out) {
        int port = o.intValue("port", DEFAULT_PORT);
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be 0 … 65535");
        }
        String host = o.value("host", "127.0.0.1");
        Path reports = Path.of(o.value("reports", RunRepository.defaultReports().toString()));
        Path profiles = Path.of(o.value("profiles", RunRepository.defaultProfiles().toString()));
        Site site = Site.of(reports, profiles);
        Javalin app = WebApp.create(site).start(host, port);
        int runs = site.runs().all().size();
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        out.println("storelab: " + runs + " stored run" + (runs == 1 ? "" : "s") + " in " + site.reports()
                + ", profiles in " + site.profiles());
        out.println("storelab: serving at http://" + shown + ":" + app.port() + "/   (Ctrl+C stops"
                + (host.startsWith("127.") || host.equals("localhost") ? "; --host 0.0.0.0 serves other machines)" : ")"));
        return app;
    }

    static void serveUntilStopped(Javalin app) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }, "lab-serve-stop"));
        stopped.await();
    }
}
