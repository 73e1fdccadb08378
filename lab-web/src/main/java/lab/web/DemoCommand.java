package lab.web;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import lab.core.cli.Command;
import lab.core.cli.Main;
import lab.core.cli.Options;
import lab.core.cli.UsageException;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;

/**
 * {@code ./lab demo}: a {@code quick} benchmark run (through the {@code run} command, found like
 * every command by ServiceLoader, so lab-web does not compile against the runner), then the site,
 * with the address of the new run printed. The README's first command.
 */
public final class DemoCommand implements Command {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String description() {
        return "a quick run of every store, then the report site (prints the address)";
    }

    @Override
    public String usage() {
        return "[--profile quick] [--port 7070] [--host 127.0.0.1]\n"
                + "  --profile   the run's profile (default quick, ≈ 8 min on 2 cores; smoke takes ≈ 90 s)\n"
                + "  --port      TCP port of the site (default 7070)\n"
                + "  --host      address to bind (default 127.0.0.1)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.parse(args, new String[] {"profile", "port", "host"}, new String[0]);
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
        }
        Command run = Main.commands().get("run");
        if (run == null) {
            err.println("lab demo: the 'run' command is not on the class path; serving the stored runs only");
        } else {
            String profile = o.value("profile", "quick");
            out.println("storelab demo: ./lab run --profile " + profile + " --label demo");
            int code = run.run(List.of("--profile", profile, "--label", "demo"), out, err);
            if (code != 0) {
                err.println("lab demo: the run ended with exit code " + code + "; it is stored with its status and error — serving anyway");
            }
        }
        List<String> serveArgs = new ArrayList<>();
        serveArgs.add("--port");
        serveArgs.add(o.value("port", Integer.toString(ServeCommand.DEFAULT_PORT)));
        serveArgs.add("--host");
        serveArgs.add(o.value("host", "127.0.0.1"));
        Javalin app = ServeCommand.start(Options.parse(serveArgs, new String[] {"port", "host"}, new String[0]), out);
        List<StoredRun> runs = new RunRepository(RunRepository.defaultReports()).list();
        String host = o.value("host", "127.0.0.1");
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        if (!runs.isEmpty()) {
            out.println("storelab demo: the newest run is at http://" + shown + ":" + app.port() + "/runs/" + runs.get(0).id());
        }
        ServeCommand.serveUntilStopped(app);
        return 0;
    }

}
