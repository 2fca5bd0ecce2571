package com.trackagoat.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Shared setup of the HTTP tests: one embedded PostgreSQL for the whole run, the fixtures, and
 * helpers to call the API with a key.
 */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
public abstract class ApiTest {

    /** Test data of the test's own organizations, written straight to the database. */
    @Inject
    protected Fixtures fx;

    protected static RequestSpecification as(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key);
    }

    protected static RequestSpecification as(Fixtures.Org org) {
        return as(org.key());
    }
}
