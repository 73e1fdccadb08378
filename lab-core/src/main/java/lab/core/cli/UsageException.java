package lab.core.cli;

/**
 * The command line was wrong in a way its declarations cannot say (no such run, options that do
 * not go together): the message says how. Exit code 2, like picocli's own parameter errors.
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
