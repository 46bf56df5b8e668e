package io.carga.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@link User} class a load of its own, so one scenario file holds several scenarios that run
 * side by side, each with its own load model (k6's {@code scenarios}). The text follows
 * {@link io.carga.core.load.LoadSpec}'s grammar; a load that does not say how long lasts the run's
 * {@code --duration}. Every request of a scenario is tagged {@code scenario=<name>}.
 *
 * <pre>{@code
 * @Load("200 users")                       class Browsing extends User { ... }
 * @Load(value = "10/s max 50", scenario = "ai_generations") class Generate extends User { ... }
 * @Load("1m:5/s,5m:50/s")                  class Webhooks extends User { ... }
 * }</pre>
 *
 * <p>Classes that name the same {@code scenario} share it (their {@link Weight}s split its users); at
 * least one of them gives the load, and those that give one give the same. In a file where some class has
 * a {@code @Load}, every user class needs one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Load {
    /** The load, e.g. {@code "200 users"}, {@code "10/s max 50 for 5m"}, {@code "1m:5/s,5m:50/s after 30s"}. */
    String value() default "";

    /** The scenario's name (letters, digits, {@code _ . -}); by default the class's simple name. */
    String scenario() default "";
}
