package com.trackagoat.project;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ProjectWriteTest extends ApiTest {

    @Test
    void createUpToTheLimit() {
        var org = fx.org("starter");   // 3 projects
        as(org).contentType("application/json").body("{\"name\":\"One\",\"readme\":\"Notes\"}").post("/api/v1/projects").then().statusCode(201)
                .body("data.name", equalTo("One")).body("data.description", equalTo("Notes")).body("data.org_id", equalTo(org.id().toString()));
        as(org).contentType("application/json").body("{\"name\":\"Two\"}").post("/api/v1/projects").then().statusCode(201);
        as(org).contentType("application/json").body("{\"name\":\"Three\"}").post("/api/v1/projects").then().statusCode(201);
        String body = as(org).contentType("application/json").body("{\"name\":\"Four\"}").post("/api/v1/projects").then().statusCode(402)
                .extract().asString();
        assertEquals("{\"data\":null,\"error\":\"Limit reached: max_projects_per_org\",\"meta\":{\"code\":\"limit_reached\","
                + "\"limitKey\":\"max_projects_per_org\",\"current\":3,\"max\":3}}", body);
        as(org).contentType("application/json").body("{\"name\":5}").post("/api/v1/projects").then().statusCode(400).body("meta.field", equalTo("name"));
        as(fx.newKey(org.id(), "read")).contentType("application/json").body("{\"name\":\"x\"}").post("/api/v1/projects").then().statusCode(403);
    }
}
