package com.trackagoat.api.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Notes written through {@code readme} (docs/reference/conventions.md §8): at most {@value #MAX}
 * characters (code points); composed of {@link MaxCodePoints}.
 */
@MaxCodePoints(Readme.MAX)
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Readme {

    int MAX = 100_000;

    /** The description of {@code readme} in the OpenAPI document. */
    String DESCRIPTION = "Notes, at most 100,000 characters; null clears";

    String message() default "at most 100,000 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
