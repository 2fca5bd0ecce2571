package com.trackagoat.ops;

import io.restassured.RestAssured;

import java.util.Arrays;
import java.util.List;

/** Reads series out of the Prometheus text of {@code /q/metrics}. */
final class Prometheus {

    private final List<String> lines;

    private Prometheus(String text) {
        this.lines = text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    static Prometheus scrape() {
        return new Prometheus(RestAssured.get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The series lines of {@code name} (exact metric name) that carry all {@code labels} ({@code k="v"}). */
    List<String> series(String name, String... labels) {
        return lines.stream()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .toList();
    }

    /** The sum of the matching series; 0 when there is none. */
    double value(String name, String... labels) {
        return series(name, labels).stream().mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    List<String> lines() {
        return lines;
    }
}
