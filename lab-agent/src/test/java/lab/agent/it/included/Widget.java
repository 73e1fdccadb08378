package lab.agent.it.included;

/** A class whose allocations the scenarios count. */
public final class Widget {
}
