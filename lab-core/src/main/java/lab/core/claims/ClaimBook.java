package lab.core.claims;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lab.core.bench.Workload;
import lab.core.record.Json;
import lab.core.store.StoreType;

/**
 * The decision log's claims, read from {@code lab/core/claims/claims.json} on the class path.
 * The file is the list; this class only reads and checks it: every claim complete for its kind,
 * every store a {@link StoreType} constant (or one of {@link Locator#PSEUDO_STORES}), and — for the
 * lab's own file — every quote found verbatim in the decision log shipped beside it
 * ({@value #DECISION_LOG}; fragments joined by " … ", whitespace and markdown emphasis aside), so
 * a quote edited away from the log's words fails the build instead of misquoting the log.
 *
 * @param about what the file says about itself (store mapping, threads, bands)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClaimBook(String source, List<String> about, List<Claim> claims) {

    public static final String RESOURCE = "/lab/core/claims/claims.json";
    /** The decision log the claims quote (a copy of the team's decision-log.md). */
    public static final String DECISION_LOG = "/lab/core/claims/decision-log.md";
    /** Separates the fragments of a quote that are not contiguous in the log. */
    public static final String GAP = " … ";


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
            ClaimBook book = read(in);
            book.checkQuotes(decisionLog());
            return book;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static ClaimBook read(InputStream in) throws IOException {
        ClaimBook book = Json.MAPPER.readValue(in, ClaimBook.class);
        book.check();
        return book;
    }

    /** The shipped decision log's text. */
    public static String decisionLog() {
        try (InputStream in = ClaimBook.class.getResourceAsStream(DECISION_LOG)) {
            if (in == null) {
                throw new IllegalStateException(DECISION_LOG + " is not on the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DECISION_LOG + ": " + e.getMessage(), e);
        }
    }

    /** Every fragment of every quote appears in the log (whitespace runs and ** emphasis normalised). */
    void checkQuotes(String log) {
        String text = normalise(log);
        for (Claim c : claims) {
            for (String fragment : c.quote().split(java.util.regex.Pattern.quote(GAP))) {
                require(text.contains(normalise(fragment)), c.id() + ": the quote \"" + fragment.strip()
                        + "\" is not in the decision log (quotes must be the log's words verbatim)");
            }
        }
    }

    static String normalise(String s) {
        return s.replace("**", "").replaceAll("\\s+", " ").strip();
    }

    /** Every claim is complete for its kind and ids are unique: a broken file fails loudly, not as odd verdicts. */
    void check() {
        Set<String> ids = new HashSet<>();
        for (Claim c : claims) {
            require(c.id() != null && !c.id().isBlank(), "a claim has no id");
            require(ids.add(c.id()), "claim id " + c.id() + " appears twice");
            require(c.kind() != null, c.id() + ": no kind");
            require(c.quote() != null && c.logFigure() != null, c.id() + ": quote and logFigure are required");
            require(c.rule().equals(Claim.EFFECT) || (c.rule().equals(Claim.EQUIVALENCE) && c.band() != null && c.band().size() == 2),
                    c.id() + ": rule is 'effect' or 'equivalence' with a band");
            List<String> named = new java.util.ArrayList<>(c.subject());
            named.addAll(c.stores());
            named.addAll(c.candidates());
            if (c.baseline() != null) {
                named.add(c.baseline());
            }
            for (String store : named) {
                require(STORE_NAMES.contains(store) || Locator.PSEUDO_STORES.contains(store),
                        c.id() + ": " + store + " is not a StoreType (nor one of " + Locator.PSEUDO_STORES + ")");
            }
            require(c.workload() == null || Arrays.stream(Workload.values()).anyMatch(w -> w.method().equals(c.workload())),
                    c.id() + ": workload " + c.workload() + " is not one of " + Workload.names(List.of(Workload.values())));
            require(!c.subject().contains(Locator.BEST) && !Locator.BEST.equals(c.baseline()) || !c.candidates().isEmpty(),
                    c.id() + ": BEST needs candidates");
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
                case UNTESTABLE, INFORMATION -> require(c.reason() != null, c.id() + ": reason is required");
                case LOAD -> {
                    require(!c.subject().isEmpty(), c.id() + ": subject is required");
                    require(!c.figures().isEmpty(), c.id() + ": figures are required");
                    require(c.direction() == null || (c.directionBound() != null
                            && (c.direction().equals("above") || c.direction().equals("below"))),
                            c.id() + ": direction is 'above' or 'below' with a directionBound");
                }
                case SCALING -> require(!c.subject().isEmpty() && c.workload() != null, c.id() + ": subject and workload are required");
                default -> { }
            }
        }
    }

    private static final Set<String> STORE_NAMES = java.util.Arrays.stream(StoreType.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("claims.json: " + message);
        }
    }
}
