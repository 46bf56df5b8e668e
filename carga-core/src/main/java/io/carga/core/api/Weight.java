package io.carga.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The share of virtual users a {@link User} class gets when several run together (Locust's
 * {@code weight = 3}). Without it a class weighs 1.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Weight {
    int value();
}
