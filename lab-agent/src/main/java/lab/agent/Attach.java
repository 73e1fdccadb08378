package lab.agent;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Paths;

import com.sun.tools.attach.VirtualMachine;

/**
 * {@code java -jar lab-agent.jar attach PID [OPTIONS]}: loads this jar as an agent into a running
 * JVM. Options are checked here first (an unknown one fails before anything is attached), and a
 * relative {@code report=} path is made absolute against this process's directory, not the
 * target's.
 */
final class Attach {

    private Attach() {
    }

    static int run(String[] args) {
        if (args.length < 2 || !args[0].equals("attach")) {
            System.err.println("usage: java -jar lab-agent.jar attach PID [includes=a.b.*:c.d.*,report=PATH,duration=30s]");
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
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                vm.loadAgent(jar.getAbsolutePath(), options);
            } finally {
                vm.detach();
            }
        } catch (Exception e) {
            System.err.println("lab-agent: attaching to " + pid + " failed: " + e);
            return 1;
        }
        System.out.println("lab-agent: attached to " + pid + (options.isEmpty() ? "" : " with " + options));
        return 0;
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
