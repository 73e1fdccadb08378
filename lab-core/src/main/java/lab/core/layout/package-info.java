/**
 * JOL's view of the stores: class layouts, deep sizes and bytes per stored task, in every JVM
 * configuration available, each measured in its own child JVM.
 *
 * <p>Read in this order, each file says what to notice: {@link lab.core.layout.ClassLayouts}
 * (header, fields, gaps, alignment), {@link lab.core.layout.ShardSamples} (the decision log's
 * 64 &rarr; 32 byte shard on the JVM), {@link lab.core.layout.DeepWalker} (what a deep size
 * counts and what it leaves out), {@link lab.core.layout.Footprints} (bytes per task beyond the
 * task), {@link lab.core.layout.Jol} (what JOL 0.17 needs on JDK 17 and 25),
 * {@link lab.core.layout.JvmConfigurations} (which configurations). The format of
 * {@code layouts.json} is {@link lab.core.layout.LayoutsJson}; {@link lab.core.layout.LayoutPass}
 * writes it into a run folder; {@code ./lab layout} prints it.
 *
 * <p>Run it: {@code ./lab layout} (100,000 and 1,000,000 tasks; minutes), or
 * {@code ./lab layout --entries 10000} (seconds per configuration).
 */
package lab.core.layout;
