/**
 * The JMH benchmarks of the stores and the runner that stores their results ({@code ./lab run}).
 *
 * <p>Conventions stated once:
 * <ul>
 *   <li>One benchmark class per workload, one method named after the workload ({@code read},
 *       {@code write}, {@code create}, {@code mixed}, {@code getAll}, {@code contention}); the
 *       store under test is the {@code store} param ({@link lab.core.store.StoreType} names).
 *       The site, comparisons and claims find rows by these names.</li>
 *   <li>Modes and units: average time in ns/op for read, write, create and mixed; us/op for
 *       getAll (a call copies the whole dataset); throughput in ops/us for contention, the figure
 *       Go's {@code RunParallel} reports as ns/op being {@code 1000 / score}.</li>
 *   <li>The dataset ({@code datasetSize}, 1,000,000 tasks; 10,000 in the smoke profile) is loaded
 *       once per fork in {@code @Setup(Level.Trial)}; keys are drawn before measurement
 *       ({@link lab.core.bench.ZipfKeys}); measured methods only index arrays and call the
 *       store, and return or sink what the store returns.</li>
 *   <li>The runner ({@link lab.core.bench.run}) runs every benchmark in forks scheduled in
 *       rounds: timing forks with {@code -prof gc} only, one profiled fork per benchmark with
 *       lab-agent's counters and async-profiler, and a control benchmark in every round.</li>
 * </ul>
 */
package lab.core.bench;
