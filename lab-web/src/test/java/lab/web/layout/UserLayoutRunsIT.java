package lab.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import lab.core.cli.Main;
import lab.web.Site;
import lab.web.WebApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, as a user would: a class of theirs (compiled here, outside the lab) laid out by
 * {@code ./lab layout --classpath … --classes …} before and after a field is added (two layout
 * runs, child JVMs and all), then the two runs compared on the site's {@code /compare/layouts}:
 * the new field's row and the size rows it changed are marked, the fields that stayed are not.
 */
class UserLayoutRunsIT {

    @TempDir
    Path tmp;

    @Test
    void aFieldAddedBetweenTwoLayoutRunsIsMarkedOnTheComparisonPage() throws Exception {
        Path reports = tmp.resolve("reports");
        String before = layoutRun(compile(tmp.resolve("before"),
                "package com.acme; public class Order { long id; int qty; }"), reports, "before");
        String after = layoutRun(compile(tmp.resolve("after"),
                "package com.acme; public class Order { long id; int qty; Object note; }"), reports, "after");

        JavalinTest.test(WebApp.create(Site.of(reports, Files.createDirectories(tmp.resolve("profiles")))), (server, client) -> {
            var response = client.get("/compare/layouts?base=" + before + "&head=" + after);
            String html = response.body().string();

            assertThat(response.code()).isEqualTo(200);
            assertThat(html).contains("com.acme.Order").contains("classes: 1 in both runs, 1 changed");
            assertThat(html).containsPattern("<tr class=\"diff\">\\s*<td class=\"num\"></td><td class=\"num\"></td>\\s*"
                    + "<td><code></code></td><td></td>\\s*<td class=\"sep\">≠</td>\\s*<td class=\"num\">\\d+</td><td class=\"num\">\\d+</td>\\s*"
                    + "<td><code>java.lang.Object</code></td><td>Order.note</td>");
            assertThat(html).containsPattern("<tr>\\s*<td class=\"num\">\\d+</td><td class=\"num\">8</td>\\s*<td><code>long</code></td><td>Order.id</td>");
        });
    }

    private static String layoutRun(Path classes, Path reports, String label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"layout", "--classpath", classes.toString(), "--classes", "com.acme.Order",
                "--label", label, "--reports", reports.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow();
    }

    /** The user's class, compiled with the JDK's compiler into its own folder. */
    private static Path compile(Path dir, String source) throws Exception {
        Files.createDirectories(dir);
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///com/acme/Order.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter log = new StringWriter();
        boolean ok = ToolProvider.getSystemJavaCompiler()
                .getTask(log, null, null, List.of("--release", "17", "-d", dir.toString()), null, List.of(unit)).call();
        assertThat(ok).as(log.toString()).isTrue();
        return dir;
    }
}
