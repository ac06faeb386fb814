package dev.mint.sdk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one field of a plugin's settings record for forms and validation:
 *
 * <pre>{@code
 * public record Settings(@Setting(description = "Calls per minute", min = 1, max = 600) int rateLimit,
 *                        @Setting(description = "Upstream key", secret = true) String apiKey) {
 *     public static Settings defaults() { return new Settings(60, ""); }
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Setting {
    /** Shown next to the field. */
    String description() default "";

    /** Smallest allowed value of a number. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value of a number. */
    double max() default Double.POSITIVE_INFINITY;

    /** Never shown back in forms (API keys, passwords). */
    boolean secret() default false;
}
