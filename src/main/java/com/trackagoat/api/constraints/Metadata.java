package com.trackagoat.api.constraints;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;

/**
 * {@code metadata} (docs/reference/conventions.md §8): a JSON object of at most {@value #MAX_BYTES} bytes
 * serialized, holding storable text only (no U+0000 or lone surrogate in any key or string).
 * JSON {@code null} is refused too (it is a {@code NullNode} here, not a Java null).
 */
@Documented
@Constraint(validatedBy = Metadata.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Metadata {

    int MAX_BYTES = 16 * 1024;

    /** The description of {@code metadata} in the OpenAPI document. */
    String DESCRIPTION = "Free-form JSON object of at most 16 KiB; replaces the previous object";

    String message() default "a JSON object of at most 16 KiB";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Metadata, JsonNode> {
        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            return value == null || value.isObject() && Text.isText(value)
                    && value.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
