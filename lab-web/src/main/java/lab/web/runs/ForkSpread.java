package lab.web.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import lab.core.record.Figures;
import lab.core.record.Metric;

/**
 * A row's timing forks, each as a dot: the mean of each fork's iterations on a strip from the
 * row's fastest to its slowest fork (log scale), with the range and its factor in words.
 *
 * <p>Why. On the lab's 2-core VM a fork's mean varies by itself, and the forks of anything that
 * blocks a thread split between a cheap hand-off and a slow wake-up (the README's "Running
 * benchmarks" has the measured spreads). JMH's "score ± error" averages such a
 * split away; the dots show it, so an engineer sees at once whether a ratio of two rows is one
 * number or two clusters.
 *
 * @param width the strip's width (a component, so the template can read it)
 */
public record ForkSpread(String text, String title, List<Double> dots, int width) {

    /** The strip's width in the page's SVG units. */
    static final int WIDTH = 80;
    /** Dots are inset so that the end ones are drawn whole. */
    static final int INSET = 3;

    static ForkSpread of(Metric m) {
        double[] means = m == null ? new double[0] : Arrays.stream(m.forkMeans()).filter(v -> v > 0 && Double.isFinite(v)).toArray();
        if (means.length < 2) {
            return new ForkSpread(means.length == 1 ? "1 fork" : "—", "", List.of(), WIDTH);
        }
        double lo = Arrays.stream(means).min().getAsDouble();
        double hi = Arrays.stream(means).max().getAsDouble();
        double span = Math.log(hi / lo);
        List<Double> dots = new ArrayList<>(means.length);
        for (double v : means) {
            double at = span == 0 ? 0.5 : Math.log(v / lo) / span;
            dots.add(INSET + at * (WIDTH - 2 * INSET));
        }
        String text = Figures.spread(means);
        String title = means.length + " forks, each one's mean of its iterations (" + m.unit() + "), round by round: "
                + Arrays.stream(means).mapToObj(Figures::plain).collect(Collectors.joining(", "));
        return new ForkSpread(text, title, List.copyOf(dots), WIDTH);
    }
}
