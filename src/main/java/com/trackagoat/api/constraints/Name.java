package com.trackagoat.api.constraints;

import com.trackagoat.api.Text;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
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
 * A name (docs/reference/conventions.md §8): 1–{@value #MAX} characters (code points) after trimming surrounding
 * whitespace. The records trim the value they keep; this checks any value, trimmed or not.
 */
@Documented
@Constraint(validatedBy = Name.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Name {

    int MAX = 200;

    /** The description of a name in the OpenAPI document. */
    String DESCRIPTION = "1–200 characters after trimming";

    String message() default "1–200 characters after trimming";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is left to {@code @NotNull}. */
    final class Validator implements ConstraintValidator<Name, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String s = value.strip();
            return !s.isEmpty() && Text.length(s) <= MAX;
        }
    }
}
