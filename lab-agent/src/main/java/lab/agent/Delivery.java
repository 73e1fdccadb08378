package lab.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes a window's report where the options say ({@code report=} file, {@code upload=} site), and
 * never loses it: when neither the file nor the upload succeeded, the report goes to a temporary
 * file whose path is printed. Every outcome is one line on the JVM's stderr.
 */
final class Delivery {

    private Delivery() {
    }

    static void deliver(String json, Path path, URI upload, int window, long pid) {
        boolean kept = false;
        if (path != null) {
            try {
                Report.write(path, json);
                System.err.println("lab-agent: report of window " + window + " written to " + path);
                kept = true;
            } catch (IOException | RuntimeException e) {
                System.err.println("lab-agent: could not write the report of window " + window + " to " + path + ": " + e);
            }
        }
        if (upload != null) {
            Upload.Result r = Upload.post(upload, json);
            if (r.ok()) {
                System.err.println("lab-agent: report of window " + window + " uploaded to " + upload + ": run id " + r.runId);
                kept = true;
            } else {
                System.err.println("lab-agent: upload of the report of window " + window + " to " + upload + " FAILED: "
                        + r.failure);
            }
        }
        if (!kept) {
            try {
                Path tmp = Files.createTempFile("lab-agent-report-" + pid + "-w" + window + "-", ".json");
                Report.write(tmp, json);
                System.err.println("lab-agent: the report of window " + window + " is saved in " + tmp + " instead");
            } catch (IOException | RuntimeException e) {
                // Last resort: the report itself, on stderr, so it is still not lost.
                System.err.println("lab-agent: could not save the report of window " + window + " anywhere (" + e
                        + "); here it is:\n" + json);
            }
        }
    }
}
