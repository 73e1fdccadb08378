package lab.api.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import lab.core.bench.Dataset;
import lab.core.bench.Keys;
import lab.core.bench.ZipfKeys;
import lab.core.record.Json;
import lab.core.store.Task;

/**
 * The requests wrk sends, drawn before anything is measured: for wrk thread {@code i}, the key
 * stream of the JMH workloads' thread {@code i} ({@link Keys#streamFor}: {@link ZipfKeys} over
 * the same dataset with the same seed) and a request kind per key from the {@link RequestMix}, written
 * one request per line to {@code requests-i.txt} beside the Lua script that sends them
 * ({@code requests.lua}). Every store gets the same requests.
 *
 * <p>Each thread cycles through {@link #PER_THREAD} requests: the first 65,536 keys of its JMH
 * stream (which is up to 2^20 long). The cycle is far longer than any cache or predictor of the
 * server can learn, and short enough that wrk formats it in init() in milliseconds and keeps it
 * in a few MB per thread (the whole JMH stream would be ~150 MB of Lua strings per thread).
 */
public final class RequestStreams {

    /** Requests in each wrk thread's cycle (fewer when the JMH stream is shorter). */
    public static final int PER_THREAD = 1 << 16;

    /** wrk's script, a resource beside this class. */
    static final String SCRIPT = "requests.lua";

    /** Seeds of the request kinds: thread i draws with MIX_SEED * (i + 1) (as lab.core.bench.Mix). */
    private static final long MIX_SEED = 424_242L;

    private RequestStreams() {
    }


    /** What was written: the script, and the length of each thread's request cycle. */
    public record Written(Path script, int perThread) {
    }

    /**
     * Writes {@code requests.lua} and {@code requests-0.txt … requests-(threads-1).txt} into
     * {@code dir}.
     */
    public static Written write(Path dir, RequestMix mix, int datasetSize, int threads) throws IOException {
        Files.createDirectories(dir);
        String update = body(new Task(1, "benchmark task (updated)", Dataset.DRAFT.description(),
                lab.core.store.TaskStatus.IN_PROGRESS, Dataset.DRAFT.createdAt(), Dataset.DRAFT.updatedAt()));
        String create = body(Dataset.DRAFT);
        int n = 0;
        for (int t = 0; t < threads; t++) {
            int[] keys = Keys.streamFor(datasetSize, t);
            n = Math.min(PER_THREAD, keys.length);
            int[] kinds = mix.draw(n, MIX_SEED * (t + 1));
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("requests-" + t + ".txt"), StandardCharsets.UTF_8)) {
                for (int i = 0; i < n; i++) {
                    switch (RequestMix.KINDS.get(kinds[i])) {
                        case "read" -> w.write("GET /tasks/" + keys[i]);
                        case "write" -> w.write("PUT /tasks/" + keys[i] + " " + update);
                        default -> w.write("POST /tasks " + create);
                    }
                    w.write('\n');
                }
            }
        }
        Path script = dir.resolve(SCRIPT);
        try (InputStream in = RequestStreams.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the lab-api jar");
            }
            Files.write(script, in.readAllBytes());
        }
        return new Written(script, n);
    }

    /** A request body: the task's client-settable fields as one line of JSON. */
    static String body(Task task) throws JsonProcessingException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", task.title());
        fields.put("description", task.description());
        fields.put("status", task.status().name());
        return Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(fields);
    }
}
