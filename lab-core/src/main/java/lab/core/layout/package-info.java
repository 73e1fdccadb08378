/**
 * JOL's view of the stores: class layouts, deep sizes and bytes per stored task, in the JVM
 * configurations asked for ({@link lab.core.layout.LayoutLab.Configurations}), each measured in
 * its own child JVM. {@link lab.core.layout.SideBySide} is the one comparison of two layouts that
 * the terminal and the site both show.
 *
 * <p>Read in this order, each file says what to notice: {@link lab.core.layout.ClassLayouts}
 * (header, fields, gaps, alignment), {@link lab.core.layout.ShardSamples} (the decision log's
 * 64 &rarr; 32 byte shard on the JVM), {@link lab.core.layout.DeepWalker} (what a deep size
 * counts and what it leaves out), {@link lab.core.layout.Footprints} (bytes per task beyond the
 * task), {@link lab.core.layout.Jol} (what JOL 0.17 needs on JDK 17 and 25),
 * {@link lab.core.layout.JvmConfigurations} (which configurations). The format of
 * {@code layouts.json} is {@link lab.core.record.Layouts}; {@link lab.core.layout.LayoutPass}
 * writes it into a run folder; {@code ./lab layout} prints it.
 *
 * <p>A user's classes: {@link lab.core.layout.UserClasses} (their class path, every class loaded
 * and linked before a child starts), {@link lab.core.layout.SampleInstance} (the instance a deep
 * size is taken of), {@link lab.core.layout.LayoutRun} (stored as a run of kind {@code layout}).
 *
 * <p>Run it: {@code ./lab layout} (the running JVM, 10,000 tasks per store: seconds), or
 * {@code ./lab layout --all-jvms --entries 100000,1000000} (every configuration, the million-task
 * footprints: minutes), or {@code ./lab layout --classpath build/classes --classes com.acme.Order}
 * (your classes: seconds).
 */
package lab.core.layout;
