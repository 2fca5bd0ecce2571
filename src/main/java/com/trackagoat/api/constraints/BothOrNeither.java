package com.trackagoat.api.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * On a body record: the two named components are given together or not at all (JSON {@code null}
 * counts as not given). The violation names the one that is missing, so {@code api.Body} answers
 * {@code Missing required field: <it>} when it is absent from the JSON and {@code Invalid field: <it>}
 * when it is {@code null}. Class-level, so it is checked after every field.
 */
@Documented
@Constraint(validatedBy = BothOrNeither.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface BothOrNeither {

    /** The Java names of the two record components. */
    String[] value();

    String message() default "given together or not at all";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<BothOrNeither, Record> {
        private String first;
        private String second;

        @Override
        public void initialize(BothOrNeither annotation) {
            if (annotation.value().length != 2) {
                throw new IllegalArgumentException("@BothOrNeither names two components");
            }
            first = annotation.value()[0];
            second = annotation.value()[1];
        }

        @Override
        public boolean isValid(Record value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            boolean hasFirst = component(value, first) != null;
            boolean hasSecond = component(value, second) != null;
            if (hasFirst == hasSecond) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(hasFirst ? second : first)
                    .addConstraintViolation();
            return false;
        }

        private static Object component(Record value, String name) {
            try {
                for (RecordComponent c : value.getClass().getRecordComponents()) {
                    if (c.getName().equals(name)) {
                        return c.getAccessor().invoke(value);
                    }
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalArgumentException(value.getClass() + " has no component " + name);
        }
    }
}
