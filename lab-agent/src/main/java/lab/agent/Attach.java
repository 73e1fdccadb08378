package lab.agent;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Paths;

import com.sun.tools.attach.VirtualMachine;

/**
 * {@code java -jar lab-agent.jar attach PID [OPTIONS]}: loads this jar as an agent into a running
 * JVM. Options are checked here first (an unknown one fails before anything is attached), and a
 * relative {@code report=} path is made absolute against this process's directory, not the
 * target's. The agent installs, verifies and starts its window before {@code loadAgent} returns;
 * then this command reads the target's answer ({@link LabAgent#ANSWER_PROPERTY}) and prints it.
 *
 * <p>Exit codes: 0 counting, everything instrumented; 3 counting, but instrumentation is
 * incomplete (printed loudly: which classes or which self-test check); 1 not counting (the target
 * refused, e.g. a window is already counting, or the attach or install failed); 2 bad usage.
 */
final class Attach {

    private Attach() {
    }

    static int run(String[] args) {
        if (args.length < 2 || !args[0].equals("attach")) {
            System.err.println("usage: java -jar lab-agent.jar attach PID [includes=a.b.*:c.d.*,report=PATH,upload=http://HOST:PORT,duration=30s]");
            System.err.println("   or: java -javaagent:lab-agent.jar[=OPTIONS] ...  (options: " + String.join(", ", AgentOptions.KEYS) + ")");
            return 2;
        }
        String pid = args[1];
        String options = args.length > 2 ? args[2] : "";
        try {
            AgentOptions.parse(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        options = absoluteReport(options);
        File jar;
        try {
            jar = new File(LabAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            System.err.println("lab-agent: cannot locate the agent jar: " + e);
            return 1;
        }
        String before;
        String answer;
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                before = vm.getSystemProperties().getProperty(LabAgent.ANSWER_PROPERTY);
                vm.loadAgent(jar.getAbsolutePath(), options);
                answer = vm.getSystemProperties().getProperty(LabAgent.ANSWER_PROPERTY);
            } finally {
                vm.detach();
            }
        } catch (Exception e) {
            System.err.println("lab-agent: attaching to " + pid + " failed: " + e);
            return 1;
        }
        return report(pid, answer, before);
    }

    /** Prints the target's answer and returns the exit code. */
    static int report(String pid, String answer, String before) {
        if (answer == null || answer.equals(before)) {
            System.err.println("lab-agent: the agent was loaded into " + pid + " but did not answer (is an older "
                    + "lab-agent already on its class path?); see the target's stderr");
            return 1;
        }
        int colon = answer.indexOf(':');
        String outcome = colon < 0 ? answer : answer.substring(0, colon);
        // "<outcome>: attach <n>: <what>"; the attach number only tells this answer from an earlier one.
        String text = colon < 0 ? "" : answer.substring(colon + 1).trim().replaceFirst("^attach \\d+: ", "");
        switch (outcome) {
            case "ok":
                System.out.println("lab-agent: attached to " + pid + ": " + text);
                return 0;
            case "incomplete":
                System.out.println("lab-agent: attached to " + pid + ": " + text);
                String banner = "#".repeat(100);
                int k = text.indexOf("INCOMPLETE:");
                System.err.println(banner + "\n## lab-agent: INSTRUMENTATION INCOMPLETE in " + pid
                        + " - some counts are missing:\n## " + (k < 0 ? text : text.substring(k)) + "\n" + banner);
                return 3;
            case "refused":
                System.err.println("lab-agent: " + pid + " refused the agent: " + text);
                return 1;
            default:
                System.err.println("lab-agent: the agent failed in " + pid + ": " + text);
                return 1;
        }
    }

    private static String absoluteReport(String options) {
        StringBuilder out = new StringBuilder();
        for (String pair : options.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            if (pair.trim().startsWith("report=")) {
                out.append("report=").append(Paths.get(pair.trim().substring("report=".length())).toAbsolutePath());
            } else {
                out.append(pair.trim());
            }
        }
        return out.toString();
    }
}
