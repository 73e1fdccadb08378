package lab.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStreamsTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(KeyStreams.DIR_PROPERTY);
    }

    @Test
    void aCachedStreamIsTheStreamDrawnWithoutTheCache() throws Exception {
        int[] drawn = KeyStreams.zipf(10_000, 10_000, 1 << 16, 5);
        System.setProperty(KeyStreams.DIR_PROPERTY, dir.toString());

        int[] first = KeyStreams.zipf(10_000, 10_000, 1 << 16, 5);
        int[] second = KeyStreams.zipf(10_000, 10_000, 1 << 16, 5);

        assertThat(first).isEqualTo(drawn);
        assertThat(second).isEqualTo(drawn);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).singleElement().satisfies(f -> assertThat(Files.size(f)).isEqualTo(4L << 16));
        }
    }

    @Test
    void aTruncatedCacheFileIsDrawnAgainAndReplaced() throws Exception {
        System.setProperty(KeyStreams.DIR_PROPERTY, dir.toString());
        int[] keys = KeyStreams.zipf(1_000, 16, 1 << 16, 9);
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.findFirst().orElseThrow();
        }
        Files.write(file, new byte[10]);

        assertThat(KeyStreams.zipf(1_000, 16, 1 << 16, 9)).isEqualTo(keys);
        assertThat(Files.size(file)).isEqualTo(4L << 16);
    }
}
