package lab.api.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lab.core.record.LoadResults;
import lab.core.store.StoreType;

/**
 * One {@link LoadServer} child JVM as the parent sees it: started with the lab's class path,
 * ready once it has printed its port and answered {@code GET /tasks/1} over HTTP, then asked for
 * the agent's counters or to start and stop async-profiler through its stdin, and stopped. Its
 * output (the JVM's, the agent's, Jetty's) goes to a log file in the run folder.
 */
final class ServerProcess implements AutoCloseable {

    /** Preloading a million tasks takes seconds (the actor store: tens on a loaded machine). */
    static final long READY_SECONDS = 600;
    static final long ANSWER_SECONDS = 120;

    private final StoreType store;
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path log;
    private final int port;

    private ServerProcess(StoreType store, Process process, Path log) throws IOException, InterruptedException {
        this.store = store;
        this.process = process;
        this.log = log;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "load-server-" + store + "-output");
        reader.setDaemon(true);
        reader.start();
        String ready = await("ready", READY_SECONDS);
        this.port = Integer.parseInt(ready.substring("ready ".length()).trim());
        checkReady();
    }

    /**
     * Starts a server and returns once it serves.
     *
     * @param java      the java executable
     * @param jvmArgs   flags for the server JVM (the profiled pass adds the agent here)
     * @param profiler  async-profiler's library to load in the server, or null
     */
    static ServerProcess start(StoreType store, int datasetSize, String java, List<String> jvmArgs, Path profiler, Path log)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(LoadServer.class.getName());
        cmd.add(store.name());
        cmd.add(Integer.toString(datasetSize));
        if (profiler != null) {
            cmd.add(profiler.toString());
        }
        Files.createDirectories(log.getParent());
        Files.writeString(log, "$ " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            return new ServerProcess(store, p, log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * The agent's totals over every thread of the server now.
     *
     * @throws CountsUnavailable with the server's reason when it has no working agent
     */
    LoadResults.Counts counters() throws IOException, InterruptedException {
        String a = ask("counters", "counters");
        String[] f = a.split(" ", 3);
        if (f.length >= 2 && f[1].equals("none")) {
            throw new CountsUnavailable(f.length > 2 ? f[2] : "no reason given");
        }
        String[] n = a.split(" ");
        return new LoadResults.Counts(Long.parseLong(n[1]), Long.parseLong(n[2]), Long.parseLong(n[3]), Long.parseLong(n[4]));
    }

    /** Runs an async-profiler command in the server. */
    void profile(String command) throws IOException, InterruptedException {
        ask("profile " + command, "ok");
    }

    /** Why a server has no counts: its own words. */
    static final class CountsUnavailable extends IOException {
        CountsUnavailable(String reason) {
            super(reason);
        }
    }

    private synchronized String ask(String command, String expected) throws IOException, InterruptedException {
        commands.write(command + "\n");
        commands.flush();
        return await(expected, ANSWER_SECONDS);
    }

    private String await(String expected, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = answers.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                if (!process.isAlive()) {
                    throw new IOException(store + " server exited with " + process.exitValue() + " (" + tail() + ")");
                }
                if (System.nanoTime() >= deadline) {
                    throw new IOException(store + " server did not answer '" + expected + "' within " + seconds + " s (" + tail() + ")");
                }
                continue;
            }
            if (line.startsWith("error ")) {
                throw new IOException(store + " server: " + line.substring("error ".length()));
            }
            if (line.startsWith(expected)) {
                return line;
            }
        }
    }

    private void checkReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(url() + "/tasks/1")).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> r = client.send(get, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(store + " server answered GET /tasks/1 with " + r.statusCode() + ": " + r.body());
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(LoadServer.PREFIX)) {
                    answers.add(line.substring(LoadServer.PREFIX.length()));
                } else {
                    Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                }
            }
        } catch (IOException e) {
            // the process is gone; await() reports its exit
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "last lines of " + log.getFileName() + ": "
                    + String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
        } catch (IOException e) {
            return "no log";
        }
    }

    /** Stops the server: asks, then terminates, then kills. */
    @Override
    public void close() {
        try {
            commands.write("stop\n");
            commands.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
