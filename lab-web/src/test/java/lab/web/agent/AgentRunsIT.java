package lab.web.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import lab.core.cli.Main;
import lab.core.record.AgentReport;
import lab.core.record.RunKind;
import lab.core.record.RunRepository;
import lab.core.record.StoredRun;
import lab.web.Site;
import lab.web.WebApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent on a program outside the lab, end to end: a tiny class compiled here into a temporary
 * folder runs in a child JVM under the built {@code lab-agent.jar}; its report is imported with
 * {@code ./lab import} (first run) and uploaded by the agent itself with {@code upload=} to a real
 * running site (second run); both become agent runs whose pages show the worker thread's exact
 * counts, and the two compare on the site and in the terminal.
 */
class AgentRunsIT {

    /** One worker thread takes a ReentrantLock 7 times and allocates an int[] each time; main enters a monitor 3 times. */
    static final String PROGRAM = """
            package demo;

            import java.util.concurrent.locks.ReentrantLock;

            public class Counted {
                static volatile Object sink;

                static final class Worker implements Runnable {
                    final ReentrantLock lock = new ReentrantLock();

                    public void run() {
                        for (int i = 0; i < 7; i++) {
                            lock.lock();
                            try {
                                sink = new int[4];
                            } finally {
                                lock.unlock();
                            }
                        }
                    }
                }

                public static void main(String[] args) throws Exception {
                    Thread worker = new Thread(new Worker(), "demo-worker");
                    worker.start();
                    worker.join();
                    for (int i = 0; i < 3; i++) {
                        synchronized (Counted.class) {
                            sink = args;
                        }
                    }
                }
            }
            """;

    static final Pattern WORKER_ROW = Pattern.compile("<td>demo-worker</td><td class=\"num\">7</td>\\s*<td class=\"num\">0</td>"
            + "<td class=\"num\">0</td>\\s*<td class=\"num\">7</td>");

    @TempDir
    static Path root;
    static Path reports;
    static Path classes;
    static Path agentJar;
    static Javalin site;
    static String imported;
    static String uploaded;
    static String uploadOutput;

    @BeforeAll
    static void twoRunsOfAProgramOutsideTheLab() throws Exception {
        agentJar = RunRepository.labHome().resolve("lab-agent/target/lab-agent.jar");
        assertThat(agentJar).as("the agent jar (mvn -B -pl lab-agent package builds it)").isRegularFile();
        reports = Files.createDirectories(root.resolve("reports"));
        classes = Files.createDirectories(root.resolve("classes"));
        Path source = Files.createDirectories(root.resolve("src/demo")).resolve("Counted.java");
        Files.writeString(source, PROGRAM);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();

        // 1: report= then ./lab import
        Path report = root.resolve("counters.json");
        String out = runWithAgent("includes=demo.*,report=" + report);
        assertThat(report).as(out).isRegularFile();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {"import", report.toString(), "--label", "outside", "--reports", reports.toString()},
                print, print)).as(console.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        imported = lines.get(lines.size() - 1);
        System.out.println("./lab import " + report + ":\n" + console.toString(StandardCharsets.UTF_8));

        // 2: upload= to a running site
        site = WebApp.create(Site.of(reports, root.resolve("profiles"))).start("127.0.0.1", 0);
        uploadOutput = runWithAgent("includes=demo.*,upload=http://127.0.0.1:" + site.port());
        Matcher id = Pattern.compile("uploaded to http://127\\.0\\.0\\.1:\\d+/api/agent-reports: run id (\\S+)").matcher(uploadOutput);
        assertThat(id.find()).as(uploadOutput).isTrue();
        uploaded = id.group(1);
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.stop();
        }
    }

    private static String runWithAgent(String options) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile(root, "child-", ".log");
        Process p = new ProcessBuilder(java.toString(), "-javaagent:" + agentJar + "=" + options, "-cp", classes.toString(),
                "demo.Counted").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        assertThat(done).as("the child JVM ended in 120 s: %s", out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theImportedReportIsAnAgentRunWithTheProgramsExactCounts() {
        StoredRun run = new RunRepository(reports).find(imported).orElseThrow();
        assertThat(run.manifest().kind()).isEqualTo(RunKind.AGENT);
        AgentReport r = run.agentReport().orElseThrow();
        AgentReport.ThreadCounts worker = r.threads().stream().filter(t -> t.name().equals("demo-worker")).findFirst().orElseThrow();
        assertThat(worker.locks()).isEqualTo(7);
        assertThat(worker.byKind()).containsEntry("ReentrantLock", 7L);
        assertThat(worker.allocationsByClass()).containsEntry("int[]", 7L);
        assertThat(r.locks().byKind()).containsEntry("monitor", 3L);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void bothRunsPagesShowTheWorkersCountsOverHttp() throws Exception {
        for (String id : List.of(imported, uploaded)) {
            HttpResponse<String> page = get("/runs/" + id);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as(id).containsPattern(WORKER_ROW).contains("exact counts").contains("demo.*");
        }
        assertThat(new RunRepository(reports).find(uploaded).orElseThrow().manifest().source()).isEqualTo("upload");
    }

    @Test
    void theTwoRunsCompareOnTheSiteAndInTheTerminal() throws Exception {
        HttpResponse<String> page = get("/compare?base=" + imported + "&head=" + uploaded);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Compare agent runs").contains("no p-values")
                .containsPattern("<td>ReentrantLock</td><td class=\"num\">\\d+</td>");
        assertThat(get("/runs/" + uploaded).body()).contains("/compare?base=" + imported + "&amp;head=" + uploaded);

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {"compare", imported, uploaded, "--reports", reports.toString()}, print, print)).isZero();
        String text = console.toString(StandardCharsets.UTF_8);
        System.out.println("./lab compare " + imported + " " + uploaded + ":\n" + text);
        assertThat(text).contains("Locks by kind").contains("int[]").contains("no p-value");
    }
}
