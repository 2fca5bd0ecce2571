package com.trackagoat.api.constraints;

import com.trackagoat.api.Field;
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
 * On a PATCH body record: at least one of its {@link Field} components is present (400
 * {@code At least one updatable field is required} otherwise). Checked after every field, as the
 * services always did.
 */
@Documented
@Constraint(validatedBy = AtLeastOneField.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface AtLeastOneField {

    String message() default "At least one updatable field is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<AtLeastOneField, Record> {

        @Override
        public boolean isValid(Record value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                for (RecordComponent c : value.getClass().getRecordComponents()) {
                    if (c.getType() == Field.class && ((Field<?>) c.getAccessor().invoke(value)).present()) {
                        return true;
                    }
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
            return false;
        }
    }
}
