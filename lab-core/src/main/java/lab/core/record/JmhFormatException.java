package lab.core.record;

/** A file or upload is not a JMH JSON result; the message says what is wrong and where. */
public final class JmhFormatException extends RuntimeException {
    public JmhFormatException(String message) {
        super(message);
    }

    public JmhFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
