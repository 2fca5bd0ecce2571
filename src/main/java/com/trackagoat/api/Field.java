package com.trackagoat.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.function.Function;

/**
 * A body field that may be absent: PATCH fields (absent = unchanged, {@code null} = clear), and
 * optional fields of creating bodies whose absence differs from {@code null} (a non-nullable
 * optional field, or a value that overwrites on reactivation only when given).
 * <p>
 * The strict reader of {@link Body} binds an absent property to {@link #absent()}, a JSON
 * {@code null} to {@code Field.of(null)} and any other value to {@code Field.of(value)}. Bean
 * Validation constraints on the type argument ({@code Field<@NotNull @Name String>}) apply to the
 * value when the field is present ({@link FieldValueExtractor}), so {@code @NotNull} there means
 * "not nullable", not "required".
 */
@RegisterForReflection
public record Field<T>(boolean present, T value) {

    private static final Field<?> ABSENT = new Field<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Field<T> absent() {
        return (Field<T>) ABSENT;
    }

    public static <T> Field<T> of(T value) {
        return new Field<>(true, value);
    }

    /** The value when present (possibly null), else {@code fallback}. */
    public T orElse(T fallback) {
        return present ? value : fallback;
    }

    /** The same presence with the value mapped (null stays null). */
    public <R> Field<R> map(Function<? super T, ? extends R> f) {
        return present ? of(value == null ? null : f.apply(value)) : absent();
    }
}
