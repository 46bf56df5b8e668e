package io.carga.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a no-argument method of a {@link User} or {@link TaskSet} as a task, with its weight: a task of
 * weight 30 is picked three times as often as one of weight 10 (Locust's {@code @task(30)}).
 *
 * <pre>{@code
 * @Task(30) void createMarketingContent() { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Task {
    /** Relative weight, at least 1. */
    int value() default 1;

    /** A display name; the method name when empty. */
    String name() default "";
}
