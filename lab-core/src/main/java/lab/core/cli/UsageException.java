package lab.core.cli;

/** The command line was wrong: the message says how. Exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
