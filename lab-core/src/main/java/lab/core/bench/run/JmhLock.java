package lab.core.bench.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * JMH refuses to start while another JMH run holds its machine-wide lock. The runner starts one
 * JMH run per fork, so it tells JMH to ignore the lock, and instead checks once whether another
 * JMH run is going on: on a shared machine the lab runs anyway (a stored run is worth more than
 * none) and says so in the run's warnings, because both runs shared the CPUs.
 */
final class JmhLock {

    private JmhLock() {
    }

    static void check(List<String> warnings) {
        Path lock = Paths.get(System.getProperty("java.io.tmpdir"), "jmh.lock");
        boolean held = false;
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                held = true;
            } else {
                l.release();
            }
        } catch (OverlappingFileLockException e) {
            held = true;
        } catch (IOException e) {
            // cannot tell: JMH will say
        }
        if (held) {
            warnings.add("another JMH run was in progress on this machine when this run started (" + lock
                    + " was locked): both shared the CPUs, figures may be perturbed");
        }
        System.setProperty("jmh.ignoreLock", "true");
    }
}
