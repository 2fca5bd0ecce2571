package com.trackagoat.support;

import com.trackagoat.project.ProjectResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The JAX-RS routes of the application's own classes (not the tests'), found by reflection. */
public final class Routes {

    /** One resource method: HTTP method and full path template, e.g. {@code PATCH /api/v1/videos/{id}}. */
    public record Route(String method, String path) implements Comparable<Route> {
        @Override
        public String toString() {
            return method + " " + path;
        }

        @Override
        public int compareTo(Route o) {
            return toString().compareTo(o.toString());
        }
    }

    /** A resource method with its route. */
    public record Endpoint(Route route, Method method) {
    }

    private Routes() {
    }

    public static Set<Route> all() {
        Set<Route> routes = new TreeSet<>();
        endpoints().forEach(e -> routes.add(e.route()));
        return routes;
    }

    /** Every resource method of the application. */
    public static List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (Class<?> c : applicationClasses()) {
            Path classPath = c.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                for (Annotation a : m.getAnnotations()) {
                    HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path sub = m.getAnnotation(Path.class);
                        String path = "/" + trim(classPath.value()) + (sub == null ? "" : "/" + trim(sub.value()));
                        out.add(new Endpoint(new Route(http.value(), path), m));
                    }
                }
            }
        }
        return out;
    }

    /** Every class compiled from src/main/java (nested ones included), loaded without initializing it. */
    public static List<Class<?>> applicationClasses() {
        try {
            java.nio.file.Path root = Paths.get(ProjectResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names;
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                names = files.map(p -> root.relativize(p).toString())
                        .filter(n -> n.startsWith("com/trackagoat/") && n.endsWith(".class"))
                        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                        .sorted()
                        .toList();
            }
            ClassLoader loader = ProjectResource.class.getClassLoader();
            List<Class<?>> classes = new ArrayList<>();
            for (String name : names) {
                classes.add(Class.forName(name, false, loader));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trim(String path) {
        return path.replaceAll("^/|/$", "");
    }
}
