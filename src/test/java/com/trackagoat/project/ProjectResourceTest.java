package com.trackagoat.project;

import com.trackagoat.support.ApiTest;
import com.trackagoat.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ProjectResourceTest extends ApiTest {

    @Inject
    Fixtures fx;

    @Test
    void getsOwnProject() {
        var org = fx.org("starter");
        var id = fx.project(org.id(), "Alpha");
        as(org).get("/api/v1/projects/" + id).then().statusCode(200)
                .body("data.id", equalTo(id.toString()))
                .body("data.name", equalTo("Alpha"))
                .body("error", nullValue());
    }
}
