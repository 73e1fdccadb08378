package lab.agent.transform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An advice parameter bound to the counter slot of the transformation that inlines it
 * ({@code Advice.withCustomMapping().bind(Slot.class, slot)}): one advice class serves every
 * lock kind, and the slot is a constant in the instrumented code.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Slot {
}
