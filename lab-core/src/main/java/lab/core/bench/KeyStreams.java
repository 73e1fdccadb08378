package lab.core.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The Zipf key streams of the benchmarks, drawn once per machine and shared by every fork.
 *
 * <p>Why. A fork of a million-task benchmark used to draw 2^20 keys per thread with
 * commons-math3's sampler in its {@code @Setup}: in a fresh JVM, still interpreting, that took
 * about as long as preloading the store, and a run has hundreds of forks. The stream depends only
 * on the dataset size, the length and the seed, so the runner passes {@code -Dlab.keys.dir=DIR}
 * and the first fork that needs a stream writes it there (4 MiB for 2^20 keys, written to a
 * temporary name and renamed, so a concurrent reader sees all of it or none); the others read it
 * back in milliseconds. Without the property (JMH run by hand) every fork draws its own, as before:
 * the keys are the same either way.
 */
public final class KeyStreams {

    /** The system property naming the cache folder. */
    public static final String DIR_PROPERTY = "lab.keys.dir";
    /** Part of the file name: bump it when the drawing changes, so old files are not read. */
    private static final int FORMAT = 1;

    private KeyStreams() {
    }

    /**
     * {@code length} ids drawn from the top {@code ranks} ranks of the dataset's Zipf
     * distribution (see {@link ZipfKeys}), with this seed.
     */
    public static int[] zipf(int datasetSize, int ranks, int length, long seed) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return draw(datasetSize, ranks, length, seed);
        }
        Path file = Path.of(dir).resolve("zipf-v" + FORMAT + "-n" + datasetSize + "-r" + ranks + "-l" + length + "-s" + seed + ".keys");
        int[] cached = read(file, length);
        if (cached != null) {
            return cached;
        }
        int[] keys = draw(datasetSize, ranks, length, seed);
        write(file, keys);
        return keys;
    }

    private static int[] draw(int datasetSize, int ranks, int length, long seed) {
        return ZipfKeys.draw(ZipfKeys.idsByRank(datasetSize), ranks, ZipfKeys.exponentFor(datasetSize), length, seed);
    }

    /** The stream in the file, or null when it is missing or not of the expected length. */
    private static int[] read(Path file, int length) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() != 4L * length) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate(4 * length).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read it all
            }
            if (buf.hasRemaining()) {
                return null;
            }
            buf.flip();
            int[] keys = new int[length];
            buf.asIntBuffer().get(keys);
            return keys;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path file, int[] keys) {
        try {
            Files.createDirectories(file.getParent());
            ByteBuffer buf = ByteBuffer.allocate(4 * keys.length).order(ByteOrder.LITTLE_ENDIAN);
            buf.asIntBuffer().put(keys);
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, buf.array());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // A cache that cannot be written costs time, not correctness: the keys were drawn.
        }
    }
}
