package com.trackagoat.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.trackagoat.api.constraints.AtLeastOneField;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one mapping from binding and validation failures of {@link Body} to the 400
 * {@code invalid_body} answers of docs/reference/conventions.md §3.1, with {@code meta.field} named as the JSON
 * names it: snake_case, {@code name[index].sub} inside arrays, under the prefix of the object being
 * bound ({@code creators[3].tiktok_handle}).
 * <p>
 * An element of an array that is wrong itself (not a field inside it) is reported by the array's
 * name: {@code {"creator_ids": ["ok", 5]}} → {@code Invalid field: creator_ids}, as the contract
 * has always answered for id lists and scopes.
 */
final class BodyErrors {

    private static final Pattern TRAILING_INDEXES = Pattern.compile("(\\[\\d+])+$");
    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** Field names in the order a person would list them: {@code a[2]} before {@code a[10]}. */
    static final Comparator<String> NATURAL = BodyErrors::compareNatural;

    private BodyErrors() {
    }

    /**
     * A value Jackson refused (wrong JSON type, bad format, out of range, not storable text): the
     * field of its JSON path; {@code component} when the path is empty.
     */
    static ApiException binding(JsonMappingException e, String at, String component) {
        if (e instanceof InvalidDefinitionException || e instanceof ValueInstantiationException) {
            // a record Jackson cannot bind, or whose constructor failed: a bug, not bad input (500)
            throw new IllegalStateException("body record cannot be bound: " + e.getOriginalMessage(), e);
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String field = collapse(path.toString());
        if (field.isEmpty()) {
            field = component == null ? "" : component;
        }
        return field.isEmpty() && at.isEmpty() ? ApiException.malformedBody() : ApiException.invalidField(join(at, field));
    }

    /**
     * A constraint violation: {@link AtLeastOneField} → {@code At least one updatable field is
     * required}; on a value absent from the JSON (only {@code @NotNull} can fail there) →
     * {@code Missing required field}; otherwise {@code Invalid field}. {@code componentJson} is the
     * JSON name of the violation's component, {@code body} the object being bound.
     */
    static ApiException violation(ConstraintViolation<?> v, String componentJson, String at, JsonNode body) {
        if (componentJson == null) {
            if (v.getConstraintDescriptor().getAnnotation() instanceof AtLeastOneField) {
                return ApiException.noUpdatableField();
            }
            throw new IllegalStateException("class-level constraint without an answer: " + v.getConstraintDescriptor().getAnnotation());
        }
        List<Object> segments = new ArrayList<>();
        segments.add(componentJson);
        Iterator<Path.Node> nodes = v.getPropertyPath().iterator();
        nodes.next();
        while (nodes.hasNext()) {
            Path.Node n = nodes.next();
            if (n.isInIterable() && n.getIndex() != null) {
                segments.add(n.getIndex());
            }
            if (n.getKind() == ElementKind.PROPERTY) {
                segments.add(snake(n.getName()));
            }
        }
        StringBuilder path = new StringBuilder();
        JsonNode node = body;
        for (Object s : segments) {
            if (s instanceof Integer i) {
                path.append('[').append(i).append(']');
                node = node == null ? null : node.get(i);
            } else {
                path.append(path.isEmpty() ? "" : ".").append(s);
                node = node == null ? null : node.get((String) s);
            }
        }
        String field = join(at, collapse(path.toString()));
        return node == null ? ApiException.missingField(field) : ApiException.invalidField(field);
    }

    /** The Java name of the record component a violation is about; null for a class-level one. */
    static String firstProperty(ConstraintViolation<?> v) {
        Iterator<Path.Node> nodes = v.getPropertyPath().iterator();
        if (!nodes.hasNext()) {
            return null;
        }
        Path.Node n = nodes.next();
        return n.getKind() == ElementKind.PROPERTY ? n.getName() : null;
    }

    static String join(String at, String field) {
        if (at.isEmpty()) {
            return field;
        }
        return field == null || field.isEmpty() ? at : at + "." + field;
    }

    static String snake(String javaName) {
        return SNAKE.translate(javaName);
    }

    /** The {@code meta.field} of an error, "" when it has none. */
    static String fieldOf(ApiException e) {
        Object f = e.meta().get("field");
        return f == null ? "" : f.toString();
    }

    private static String collapse(String path) {
        return TRAILING_INDEXES.matcher(path).replaceAll("");
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = new BigInteger(a.substring(si, i)).compareTo(new BigInteger(b.substring(sj, j)));
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
