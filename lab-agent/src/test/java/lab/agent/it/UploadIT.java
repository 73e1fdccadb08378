package lab.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code upload=http://HOST:PORT}: the agent POSTs its report to {@code /api/agent-reports} as the
 * lab site will accept it (the site's side is not this module's: a tiny JDK HttpServer stands in
 * for it, records what it got and answers as the site will: 201 {@code {"id":…}} or 4xx
 * {@code {"status":…,"error":…}}). A failed upload never loses the report.
 */
class UploadIT {

    /** One request as the stand-in site received it. */
    record Received(String method, String path, String contentType, String body) {
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private String site(int status, String answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static ChildJvm.Result runWithAgent(Path java, Path work, String options) throws Exception {
        return ChildJvm.run(work, List.of(java.toString(), "-javaagent:" + ChildJvm.agentJar() + "=" + options,
                "-cp", ChildJvm.testClasses().toString(), Scenarios.class.getName(), "only", "reentrant"), 120);
    }

    @ParameterizedTest
    @EnumSource(Jvms.class)
    void theReportIsPostedAsJsonAndTheRunIdIsPrinted(Jvms jvm) throws Exception {
        Path java = jvm.javaOrSkip();
        Path work = AttachUnderLoadIT.cleanWork("upload-" + jvm.name());
        String site = site(201, "{\"id\": \"20261129-agent-run-7\"}");

        ChildJvm.Result r = runWithAgent(java, work, "includes=lab.agent.it.included.*,upload=" + site);
        assertThat(r.exitCode).as("%s", r).isZero();
        assertThat(r.err).contains("uploaded to " + site + "/api/agent-reports: run id 20261129-agent-run-7");
        assertThat(received).hasSize(1);
        Received got = received.get(0);
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.path()).isEqualTo("/api/agent-reports");
        assertThat(got.contentType()).isEqualTo("application/json");
        JsonNode report = new ObjectMapper().readTree(got.body());
        assertThat(report.path("schema").asInt()).isEqualTo(2);
        assertThat(report.path("threads").path("it-reentrant").path("locks").asLong()).isEqualTo(11);
        try (var files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("uploaded: nothing else written")
                    .noneMatch(n -> n.endsWith(".json"));
        }
    }

    @Test
    void aRefusedUploadSaysWhyAndKeepsTheReportInATemporaryFile() throws Exception {
        Path work = AttachUnderLoadIT.cleanWork("upload-refused");
        String site = site(400, "{\"status\": 400, \"error\": \"not an agent report: no schema\"}");

        ChildJvm.Result r = runWithAgent(Jvms.CURRENT.java(), work, "includes=lab.agent.it.included.*,upload=" + site);
        assertThat(r.exitCode).as("%s", r).isZero();
        assertThat(r.err).contains("FAILED: HTTP 400: not an agent report: no schema");
        Matcher saved = Pattern.compile("is saved in (\\S+\\.json) instead").matcher(r.err);
        assertThat(saved.find()).as("%s", r.err).isTrue();
        Path kept = Paths.get(saved.group(1));
        assertThat(new ObjectMapper().readTree(kept.toFile()).path("threads").path("it-reentrant").path("locks").asLong())
                .isEqualTo(11);
        assertThat(new ObjectMapper().readTree(kept.toFile()).toString())
                .isEqualTo(new ObjectMapper().readTree(received.get(0).body()).toString());
        Files.delete(kept);
    }

    @Test
    void anUnreachableSiteFailsFastAndTheReportFileIsStillWritten() throws Exception {
        Path work = AttachUnderLoadIT.cleanWork("upload-unreachable");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path report = work.resolve("kept.json");
        ChildJvm.Result r = runWithAgent(Jvms.CURRENT.java(), work,
                "includes=lab.agent.it.included.*,report=" + report + ",upload=http://127.0.0.1:" + closedPort);
        assertThat(r.exitCode).as("%s", r).isZero();
        assertThat(r.err).contains("upload of the report of window 1 to http://127.0.0.1:" + closedPort
                + "/api/agent-reports FAILED: ").contains("written to " + report);
        assertThat(r.err).doesNotContain("instead");
        assertThat(new ObjectMapper().readTree(report.toFile()).path("threads").path("it-reentrant").path("locks").asLong())
                .isEqualTo(11);
    }
}
