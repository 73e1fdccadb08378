package lab.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.core.cli.Main;
import lab.core.record.RunStatus;
import lab.web.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lab serve}: registered as a command, serves the folders it is given, prints a working address. */
class ServeCommandTest {

    @TempDir
    Path root;

    @Test
    void serveAndDemoAreCommands() {
        assertThat(Main.commands()).containsKeys("serve", "demo");
    }

    @Test
    void servesTheGivenFoldersAndPrintsAnAddressThatAnswers() throws Exception {
        Path reports = Files.createDirectories(root.resolve("r"));
        Path profiles = Files.createDirectories(root.resolve("p"));
        String id = Fixtures.storeRun(reports, profiles, "served", Instant.parse("2026-11-26T03:00:00Z"),
                Fixtures.labJmhJson(List.of("MEMORY"), List.of("read"), List.of(1), 1), RunStatus.COMPLETE, null, false);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SiteOptions options = new SiteOptions();
        options.port = 0;
        Javalin app = ServeCommand.start(options, reports, profiles, new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            String out = buf.toString(StandardCharsets.UTF_8);
            assertThat(out).contains("1 stored run in " + reports.toAbsolutePath());
            Matcher m = Pattern.compile("serving at (http://\\S+/)").matcher(out);
            assertThat(m.find()).isTrue();
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(m.group(1) + "runs/" + id)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("served");
        } finally {
            app.stop();
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorNamingTheOption() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"serve", "--port", "70000"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("lab serve: ", "'--port'", "70000 is not a port number");
    }
}
