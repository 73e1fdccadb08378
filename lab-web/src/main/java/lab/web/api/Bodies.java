package lab.web.api;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;

/**
 * Reads a request body up to a limit. The server bounds how long a read may take (a minimum data
 * rate and an idle timeout, set in {@link lab.web.WebApp}); when either fails the read, the client
 * gets 408 with what it must do, not the exception's text.
 */
final class Bodies {

    private Bodies() {
    }

    static byte[] readAtMost(Context ctx, long limit) {
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new ContentTooLargeResponse("the body is larger than the limit of " + limit + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof HttpResponseException h) {
                throw h;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HttpException h && h.getCode() == 408 || t instanceof TimeoutException) {
                    throw new HttpResponseException(408, "the body arrived too slowly: send it at "
                            + lab.web.WebApp.MIN_UPLOAD_BYTES_PER_SECOND / 1024 + " KiB/s or faster, without pauses over "
                            + lab.web.WebApp.READ_IDLE_MILLIS / 1000 + " s");
                }
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new BadRequestResponse("the body could not be read to its end (the client closed the connection?)");
        }
    }
}
