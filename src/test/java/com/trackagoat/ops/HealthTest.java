package com.trackagoat.ops;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Health endpoints: outside the API, no key; readiness includes the database. */
@QuarkusTest
class HealthTest extends ApiTest {

    static final String REACTIVE_DB = "Reactive PostgreSQL connections health check";

    @Test
    void readinessIsUpAndListsTheDatabase() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(REACTIVE_DB))
                .body("checks.find { it.name == '" + REACTIVE_DB + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + REACTIVE_DB + "' }.data.'<default>'", equalTo("UP"))
                .body("checks.name", not(hasItem("trackagoat-api")));
    }

    @Test
    void livenessIsUpWithoutTheDatabase() {
        RestAssured.get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("trackagoat-api"))
                .body("checks.name", not(hasItem(REACTIVE_DB)));
    }

    @Test
    void theWholeHealthDocumentNeedsNoKey() {
        RestAssured.given().header("Authorization", "Bearer tga_wrong").get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(REACTIVE_DB))
                .body("checks.name", hasItem("trackagoat-api"));
    }
}
