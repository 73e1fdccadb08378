package lab.core.record;

/** A file or upload is not a lab agent report the lab can store; the message says what is wrong and where. */
public final class AgentReportException extends RuntimeException {
    public AgentReportException(String message) {
        super(message);
    }

    public AgentReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
