package com.trackagoat.api;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request body step of the resources, in two parts because the {@code Idempotency-Key} claim
 * happens between them (docs/decisions.md, "Writes"):
 * <ol>
 *   <li>{@link #parse}: the media type (415) and the JSON itself (400 {@code Malformed JSON body}:
 *       not parseable, not an object, trailing tokens, duplicated keys);</li>
 *   <li>{@link #bind}: the fields, into one record per body: bound by a strict Jackson mapper
 *       ({@link StrictJson}: snake_case, no coercion, storable text, typed formats) and checked with
 *       Bean Validation (the constraints on the record's components and the record itself).</li>
 * </ol>
 * Failures become the 400 {@code invalid_body} answers of docs/reference/conventions.md §3.1 ({@link BodyErrors}).
 * <p>
 * <b>Which field is reported.</b> When several fields are wrong, the reported one is the first in
 * the record's component order (the records list their components in the order the services always
 * checked them), whatever the order of the keys in the JSON: each component is bound and validated
 * on its own, in that order, and the first one that fails is the answer. Then the whole record is
 * bound and its class-level constraints run (a PATCH without any field).
 * <p>
 * <b>Absent, null, value.</b> A component absent from the JSON is {@code null}, or
 * {@link Field#absent()} for a {@link Field} component; JSON {@code null} is {@code null}, or
 * {@code Field.of(null)}. {@code @NotNull} on a plain component makes it required: absent →
 * {@code Missing required field}, {@code null} → {@code Invalid field}. {@code @NotNull} on the type
 * argument of a {@code Field} makes it non-nullable but optional.
 * <p>
 * In a resource, {@link #read} does both; a creating POST claims its {@code Idempotency-Key}
 * between them ({@link Idempotency#create} parses, the action binds):
 * <pre>{@code
 * return idempotency.create(caller.orgId(), idemKey, request, contentType, body,
 *         json -> service.create(caller.get(), bodies.bind(json, ProjectCreate.class)).map(...));
 * }</pre>
 * A record's components are reference types (a primitive cannot be absent). The items of a bulk
 * body are bound one by one with {@link #bind(JsonNode, Class, String)}, since a bad item is an
 * error of that item only.
 */
@ApplicationScoped
public class Body {

    /** Trailing tokens and duplicated keys make a body malformed (docs/decisions.md, "Bad input"). */
    private static final ObjectReader PARSER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()
            .reader();

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private final Validator validator;

    public Body(Validator validator) {
        this.validator = validator;
    }

    /**
     * Checks the media type, then parses: a JSON object, or 415 / 400 {@code Malformed JSON body}.
     * A missing Content-Type is treated as JSON; parameters such as charset are ignored; a value
     * that is not {@code application/json} (including one that does not parse as a media type) → 415.
     */
    public static ObjectNode parse(String contentType, byte[] body) {
        if (contentType != null && !contentType.isBlank()) {
            String mediaType = contentType.split(";", 2)[0].trim();
            if (!mediaType.equalsIgnoreCase("application/json")) {
                throw ApiException.unsupportedMediaType();
            }
        }
        if (body == null || body.length == 0) {
            throw ApiException.malformedBody();
        }
        JsonNode tree;
        try {
            tree = PARSER.readTree(body);
        } catch (IOException e) {
            throw ApiException.malformedBody();
        }
        if (tree == null || !tree.isObject()) {
            throw ApiException.malformedBody();
        }
        return (ObjectNode) tree;
    }

    public static ObjectNode parse(String contentType, String body) {
        return parse(contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A body that no {@code Idempotency-Key} claim separates from its fields: {@link #parse}, then
     * {@link #bind} to a {@code type} record.
     */
    public <T extends Record> T read(String contentType, byte[] body, Class<T> type) {
        return bind(parse(contentType, body), type);
    }

    /** The parsed body as a {@code type} record, or the 400 of its first bad field. */
    public <T extends Record> T bind(JsonNode body, Class<T> type) {
        return bind(body, type, "");
    }

    /**
     * An object inside a body (an item of a bulk body) as a {@code type} record; {@code at} names it
     * in errors ({@code creators[3]} → {@code Invalid field: creators[3]} when it is no object,
     * {@code Missing required field: creators[3].tiktok_handle}, ...).
     */
    public <T extends Record> T bind(JsonNode body, Class<T> type, String at) {
        if (body == null || !body.isObject()) {
            throw at.isEmpty() ? ApiException.malformedBody() : ApiException.invalidField(at);
        }
        ObjectNode object = (ObjectNode) body;
        Shape shape = SHAPES.computeIfAbsent(type, Shape::of);
        for (int i = 0; i < shape.json().size(); i++) {
            String name = shape.json().get(i);
            JsonNode value = object.get(name);
            ObjectNode alone = object.objectNode();
            if (value != null) {
                alone.set(name, value);
            }
            T one = read(alone, type, at, name);
            String java = shape.java().get(i);
            List<ConstraintViolation<T>> mine = new ArrayList<>();
            for (ConstraintViolation<T> v : validator.validate(one)) {
                if (java.equals(BodyErrors.firstProperty(v))) {
                    mine.add(v);
                }
            }
            if (!mine.isEmpty()) {
                throw first(mine, shape, object, at);
            }
        }
        T bound = read(object, type, at, null);
        var violations = validator.validate(bound);
        if (!violations.isEmpty()) {
            throw first(violations, shape, object, at);
        }
        return bound;
    }

    private static <T> T read(ObjectNode node, Class<T> type, String at, String component) {
        try {
            return StrictJson.MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw BodyErrors.binding(e, at, component);
        } catch (IOException e) {
            throw component == null && at.isEmpty() ? ApiException.malformedBody() : ApiException.invalidField(BodyErrors.join(at, component));
        }
    }

    /** The violation to report: the earliest component, then the lowest index; class-level ones last. */
    private static ApiException first(Collection<? extends ConstraintViolation<?>> violations, Shape shape, ObjectNode body, String at) {
        return violations.stream().map(v -> {
                    String java = BodyErrors.firstProperty(v);
                    int index = java == null ? -1 : shape.java().indexOf(java);
                    String json = index < 0 ? null : shape.json().get(index);
                    return new Problem(index < 0 ? Integer.MAX_VALUE : index, BodyErrors.violation(v, json, at, body));
                })
                .min(Comparator.comparingInt(Problem::component).thenComparing(p -> BodyErrors.fieldOf(p.error()), BodyErrors.NATURAL))
                .orElseThrow()
                .error();
    }

    private record Problem(int component, ApiException error) {
    }

    /** A record's components in declaration order: Java names and the JSON names the strict mapper uses. */
    record Shape(List<String> java, List<String> json) {
        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            Map<String, String> names = new HashMap<>();
            for (BeanPropertyDefinition p : StrictJson.MAPPER.getDeserializationConfig()
                    .introspect(StrictJson.MAPPER.constructType(type)).findProperties()) {
                names.put(p.getInternalName(), p.getName());
            }
            List<String> java = new ArrayList<>();
            List<String> json = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getType().isPrimitive()) {
                    throw new IllegalArgumentException(type + "." + c.getName() + ": a primitive cannot be absent; use its wrapper");
                }
                java.add(c.getName());
                json.add(names.getOrDefault(c.getName(), BodyErrors.snake(c.getName())));
            }
            return new Shape(List.copyOf(java), List.copyOf(json));
        }
    }
}
