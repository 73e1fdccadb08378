/**
 * lab-core: the stores, their benchmarks, the stored runs, what is computed from them, and the
 * commands that drive it all.
 *
 * <p>Layers, one direction only: a package uses the packages to its left, never one to its right
 * or one that reaches back to it. {@code lab.core.ArchitectureTest} (and lab-web's) fail the build
 * on an upward dependency or a cycle.
 *
 * <pre>
 *             ┌─▶ bench   JMH benchmarks and the runner ──────┐
 *   store ────┼─▶ layout  the JOL pass                        ├──▶ compare ──┐
 *   (Task,    └─▶ record  stored runs: run.json, jmh.json,    │    claims  ──┴──▶ cli ──▶ lab-web
 *    stores)              layouts.json (one Jackson config) ──┘                  (./lab's     (pages, then
 *                                                                                 commands)   lab.web.cli)
 * </pre>
 *
 * <ul>
 *   <li>{@link lab.core.store}: the Task model and one class per store; depends on nothing of ours.</li>
 *   <li>{@link lab.core.bench}, {@link lab.core.layout}, {@link lab.core.record}: measuring (JMH,
 *       JOL) and storing; the runner writes what {@code record} reads.</li>
 *   <li>{@link lab.core.compare}, {@link lab.core.claims}: statistics and verdicts over stored runs.</li>
 *   <li>{@link lab.core.cli}: every {@code ./lab} command of lab-core, declared with picocli; no
 *       feature imports it. lab-web adds its own ({@code serve}, {@code demo}) from
 *       {@code lab.web.cli}, found by {@link java.util.ServiceLoader}.</li>
 * </ul>
 */
package lab.core;
