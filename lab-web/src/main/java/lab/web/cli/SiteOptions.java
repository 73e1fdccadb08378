package lab.web.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --port} and {@code --host} of the site (a mixin of {@code serve} and {@code demo}). */
public final class SiteOptions {

    static final int DEFAULT_PORT = 7070;
    static final String DEFAULT_HOST = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", converter = PortConverter.class,
            description = "TCP port (default: " + DEFAULT_PORT + "; 0 picks a free one)")
    int port = DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "address to bind (default: " + DEFAULT_HOST + "; 0.0.0.0 lets other machines and CI jobs reach it)")
    String host = DEFAULT_HOST;

    /** The host to print in the site's address: a wildcard bind is reached as localhost here. */
    String shownHost() {
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    }

    boolean loopback() {
        return host.startsWith("127.") || host.equals("localhost") || host.equals("::1");
    }

    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port;
            try {
                port = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a port number (0 … 65535)");
            }
            if (port < 0 || port > 65535) {
                throw new TypeConversionException(port + " is not a port number (0 … 65535)");
            }
            return port;
        }
    }
}
