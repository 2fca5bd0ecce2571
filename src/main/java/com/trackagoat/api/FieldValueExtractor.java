package com.trackagoat.api;

import jakarta.inject.Singleton;
import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.ValueExtractor;

/**
 * Lets Bean Validation see into a {@link Field}: the constraints on its type argument apply to the
 * value of a present field (null included, so {@code @NotNull} refuses a JSON null) and to nothing
 * when the field is absent. Quarkus hands the validator every {@code ValueExtractor} that is a
 * bean (without one, the application does not start: the records' constraints cannot be resolved).
 */
@Singleton
public class FieldValueExtractor implements ValueExtractor<Field<@ExtractedValue ?>> {

    @Override
    public void extractValues(Field<?> field, ValueReceiver receiver) {
        if (field.present()) {
            receiver.value(null, field.value());
        }
    }
}
