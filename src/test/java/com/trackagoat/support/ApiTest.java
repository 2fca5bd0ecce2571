package com.trackagoat.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Shared setup of the HTTP tests: one embedded PostgreSQL for the whole run, and helpers to call
 * the API with a key.
 */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
public abstract class ApiTest {

    protected static RequestSpecification as(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key);
    }

    protected static RequestSpecification as(Fixtures.Org org) {
        return as(org.key());
    }
}
