package lab.core.claims;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The decision log's claims, read from {@code lab/core/claims/claims.json} on the class path.
 * The file is the list; this class only reads and checks it.
 *
 * @param about what the file says about itself (store mapping, threads, bands)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClaimBook(String source, List<String> about, List<Claim> claims) {

    public static final String RESOURCE = "/lab/core/claims/claims.json";

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public ClaimBook {
        about = about == null ? List.of() : List.copyOf(about);
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** The lab's own claims file. */
    public static ClaimBook load() {
        try (InputStream in = ClaimBook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static ClaimBook read(InputStream in) throws IOException {
        ClaimBook book = MAPPER.readValue(in, ClaimBook.class);
        book.check();
        return book;
    }

    /** Every claim is complete for its kind and ids are unique: a broken file fails loudly, not as odd verdicts. */
    void check() {
        Set<String> ids = new HashSet<>();
        for (Claim c : claims) {
            require(c.id() != null && !c.id().isBlank(), "a claim has no id");
            require(ids.add(c.id()), "claim id " + c.id() + " appears twice");
            require(c.kind() != null, c.id() + ": no kind");
            require(c.quote() != null && c.logFigure() != null, c.id() + ": quote and logFigure are required");
            switch (c.kind()) {
                case SPEEDUP, SPREAD -> {
                    require(!c.subject().isEmpty() && c.baseline() != null, c.id() + ": subject and baseline are required");
                    require(!c.figures().isEmpty(), c.id() + ": figures are required");
                    require(c.workload() != null, c.id() + ": workload is required");
                }
                case VALUE -> {
                    require(!c.subject().isEmpty() && c.workload() != null, c.id() + ": subject and workload are required");
                    require(!c.figures().isEmpty(), c.id() + ": figures are required");
                    require(c.direction() == null || (c.directionBound() != null
                            && (c.direction().equals("above") || c.direction().equals("below"))),
                            c.id() + ": direction is 'above' or 'below' with a directionBound");
                }
                case ORDER -> require(c.stores().size() >= 2 && c.workload() != null, c.id() + ": at least two stores and a workload");
                case LAYOUT -> require("ratio".equals(c.measure()) || "saving32".equals(c.measure()), c.id() + ": measure is ratio or saving32");
                case UNTESTABLE -> require(c.reason() != null, c.id() + ": reason is required");
                default -> { }
            }
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("claims.json: " + message);
        }
    }
}
