package lab.core.compare;

import java.util.List;
import lab.core.compare.LayoutsAcrossRuns.ClassPair;
import lab.core.compare.LayoutsAcrossRuns.ConfigurationPair;
import lab.core.layout.LayoutText;
import lab.core.layout.SideBySide;

/**
 * {@code ./lab compare BASE HEAD --layouts} as text: per JVM configuration both runs ran, each
 * class that changed side by side (base left, head right; {@link LayoutText#diff}, the rows that
 * differ marked {@code *}), the classes that did not change named with their size, and what only
 * one side has.
 */
public final class LayoutsAcrossRunsText {

    private LayoutsAcrossRunsText() {
    }

    public static String format(LayoutsAcrossRuns c) {
        StringBuilder sb = new StringBuilder();
        sb.append("layouts: base ").append(c.base()).append(" (left) vs head ").append(c.head()).append(" (right)\n");
        sb.append(LayoutText.MARK_LEGEND).append('\n');
        if (c.configurations().isEmpty()) {
            sb.append("\nno JVM configuration ran in both runs: base ran ").append(names(c.onlyInBase()))
                    .append(", head ran ").append(names(c.onlyInHead())).append('\n');
            return sb.toString();
        }
        for (ConfigurationPair p : c.configurations()) {
            sb.append("\n== ").append(p.name()).append(": ").append(p.baseLabel());
            if (p.headLabel() != null && !p.headLabel().equals(p.baseLabel())) {
                sb.append(" | head: ").append(p.headLabel());
            }
            sb.append('\n');
            sb.append(String.format(java.util.Locale.ROOT, "   classes: %d in both runs, %d changed%n",
                    p.classes().size(), p.changed().size()));
            for (ClassPair cls : p.changed()) {
                sb.append("\n-- ").append(cls.name()).append(": changed\n");
                sb.append(LayoutText.diff("base", "head", cls.diff()));
            }
            if (!p.unchanged().isEmpty()) {
                sb.append("\n   the same in both (every row):");
                for (ClassPair cls : p.unchanged()) {
                    sb.append(' ').append(SideBySide.shortType(cls.name())).append(" (").append(cls.baseInfo().instanceSize())
                            .append(" B)").append(cls == p.unchanged().get(p.unchanged().size() - 1) ? "" : ",");
                }
                sb.append('\n');
            }
            if (!p.onlyInBase().isEmpty()) {
                sb.append("   only in base: ").append(String.join(", ", p.onlyInBase())).append('\n');
            }
            if (!p.onlyInHead().isEmpty()) {
                sb.append("   only in head: ").append(String.join(", ", p.onlyInHead())).append('\n');
            }
        }
        if (!c.onlyInBase().isEmpty()) {
            sb.append("\nJVM configurations only in base: ").append(String.join(", ", c.onlyInBase())).append('\n');
        }
        if (!c.onlyInHead().isEmpty()) {
            sb.append("\nJVM configurations only in head: ").append(String.join(", ", c.onlyInHead())).append('\n');
        }
        return sb.toString();
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
