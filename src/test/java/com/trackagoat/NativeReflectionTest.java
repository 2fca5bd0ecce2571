package com.trackagoat;

import com.trackagoat.api.Envelope;
import com.trackagoat.support.Routes;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Native image readiness, checked on the compiled classes (docs/decisions.md, "Native"): every
 * application type Jackson writes or reads must be registered for reflection.
 * <p>
 * Quarkus registers by itself the type of each resource method's answer with all it contains
 * ({@code Uni<Envelope<List<ProjectDto>>>} → Envelope, ProjectDto and the types of its
 * components, recursively), but not what is reached only at run time: the implementations of an
 * interface, what a method returning a raw {@code Response} writes (the idempotent creates), the
 * {@code meta} shapes of {@link Envelope}, and request bodies bound from a tree. Those need
 * {@link RegisterForReflection} (with {@code registerFullHierarchy = true} to take their
 * components along). What a route writes is read from its typed answer and from its documented
 * {@code @APIResponse} schemas; what it reads, from its {@code @RequestBody} schemas.
 */
class NativeReflectionTest {

    @Test
    void everyTypeJacksonWritesOrReadsIsRegistered() {
        Set<Class<?>> serialized = new LinkedHashSet<>();
        Set<Class<?>> registered = new LinkedHashSet<>();
        for (Routes.Endpoint e : Routes.endpoints()) {
            Type answer = answerType(e.method().getGenericReturnType());
            walk(answer, serialized, true);
            walk(answer, registered, false);
            for (Class<?> documented : documentedTypes(e.method())) {
                walk(documented, serialized, true);
            }
        }
        for (Class<?> meta : Envelope.class.getDeclaredClasses()) {
            walk(meta, serialized, true);
        }
        for (Class<?> c : Routes.applicationClasses()) {
            RegisterForReflection r = c.getAnnotation(RegisterForReflection.class);
            if (r == null) {
                continue;
            }
            List<Class<?>> targets = r.targets().length > 0 ? List.of(r.targets()) : List.of(c);
            for (Class<?> t : targets) {
                if (r.registerFullHierarchy()) {
                    walk(t, registered, false);
                } else {
                    registered.add(t);
                }
                if (!r.ignoreNested()) {
                    registered.addAll(List.of(t.getDeclaredClasses()));
                }
            }
        }
        assertTrue(serialized.size() > 30, "the scan found only " + serialized.size() + " types: it is broken");
        Set<String> missing = new TreeSet<>();
        for (Class<?> c : serialized) {
            if (!registered.contains(c)) {
                missing.add(c.getName());
            }
        }
        assertEquals(Set.of(), missing, "written or read by Jackson but not registered for reflection (add @RegisterForReflection)");
    }

    /** native-image refuses a Random in the image heap, and Quarkus initializes application classes at build time. */
    @Test
    void noStaticRandom() {
        List<String> found = new ArrayList<>();
        for (Class<?> c : Routes.applicationClasses()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && Random.class.isAssignableFrom(f.getType())) {
                    found.add(c.getName() + "." + f.getName());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theWalkSeesThroughGenericsAndInterfaces() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        walk(answerType(typeOf("sample")), seen, true);
        assertTrue(seen.contains(Envelope.class));
        assertTrue(seen.contains(com.trackagoat.stats.StatsResponses.VideoStats.class), "implementations of an interface are written");
        assertTrue(seen.contains(com.trackagoat.stats.StatsResponses.VideoHistory.class), "components are walked");
        Set<Class<?>> automatic = new LinkedHashSet<>();
        walk(answerType(typeOf("sample")), automatic, false);
        assertFalse(automatic.contains(com.trackagoat.stats.StatsResponses.VideoStats.class), "Quarkus does not register implementations");
    }

    @SuppressWarnings("unused")
    private static Uni<RestResponse<Envelope<List<com.trackagoat.stats.StatsResponses.StatsData>>>> sample() {
        return null;
    }

    private static Type typeOf(String method) {
        try {
            return NativeReflectionTest.class.getDeclaredMethod(method).getGenericReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The written type inside {@code Uni<…>} and {@code RestResponse<…>}. */
    private static Type answerType(Type t) {
        while (t instanceof ParameterizedType p && (p.getRawType() == Uni.class || p.getRawType() == RestResponse.class)) {
            t = p.getActualTypeArguments()[0];
        }
        return t;
    }

    /** The schema classes of the method's documented answers and request body. */
    private static List<Class<?>> documentedTypes(Method m) {
        List<Class<?>> out = new ArrayList<>();
        List<Content> contents = new ArrayList<>();
        for (APIResponse r : m.getAnnotationsByType(APIResponse.class)) {
            contents.addAll(List.of(r.content()));
        }
        RequestBody body = m.getAnnotation(RequestBody.class);
        if (body != null) {
            contents.addAll(List.of(body.content()));
        }
        for (Content c : contents) {
            Schema s = c.schema();
            if (s.implementation() != Void.class) {
                out.add(s.implementation());
            }
            out.addAll(List.of(s.oneOf()));
        }
        return out;
    }

    /**
     * Adds the application classes {@code t} reaches: type arguments, array components, record
     * components and instance fields, recursively. With {@code runtimeTypes}, the permitted
     * implementations of a sealed interface too (what Jackson meets at run time); without, only
     * what the declared types name (what Quarkus derives from a signature).
     */
    private static void walk(Type t, Set<Class<?>> out, boolean runtimeTypes) {
        if (t instanceof ParameterizedType p) {
            walk(p.getRawType(), out, runtimeTypes);
            for (Type a : p.getActualTypeArguments()) {
                walk(a, out, runtimeTypes);
            }
        } else if (t instanceof GenericArrayType a) {
            walk(a.getGenericComponentType(), out, runtimeTypes);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                walk(b, out, runtimeTypes);
            }
        } else if (t instanceof TypeVariable<?>) {
            return;   // bound by a type argument elsewhere (Envelope<T>)
        } else if (t instanceof Class<?> c) {
            if (c.isArray()) {
                walk(c.getComponentType(), out, runtimeTypes);
                return;
            }
            if (!c.getName().startsWith("com.trackagoat.") || !out.add(c)) {
                return;
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    walk(rc.getGenericType(), out, runtimeTypes);
                }
            } else {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        walk(f.getGenericType(), out, runtimeTypes);
                    }
                }
            }
            if (runtimeTypes && c.isSealed()) {
                for (Class<?> impl : c.getPermittedSubclasses()) {
                    walk(impl, out, true);
                }
            }
        }
    }
}
