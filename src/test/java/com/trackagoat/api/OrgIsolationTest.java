package com.trackagoat.api;

import com.trackagoat.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A second organization's key sees nothing of the first: 404 for every id, no rows in lists, filters match nothing. */
@QuarkusTest
class OrgIsolationTest extends ApiTest {

    @Test
    void anotherOrganizationSeesNothing() {
        var owner = fx.org("starter");
        var p = fx.project(owner.id(), "P");
        var c = fx.creator(owner.id(), p, "owned", "active");
        var v = fx.video(owner.id(), p, c, "auto_tracked");
        var camp = fx.campaign(owner.id(), p, "C");
        var stranger = fx.org("starter");

        String[][] resources = {{"projects", p.toString()}, {"creators", c.toString()}, {"videos", v.toString()}, {"campaigns", camp.toString()}};
        for (String[] r : resources) {
            as(stranger).get("/api/v1/" + r[0] + "/" + r[1]).then().statusCode(404).body("meta.code", equalTo("not_found"));
            as(stranger).contentType("application/json").body("{\"readme\":\"x\"}").patch("/api/v1/" + r[0] + "/" + r[1])
                    .then().statusCode(404);
            as(stranger).get("/api/v1/" + r[0]).then().statusCode(200).body("data", hasSize(0));
            as(owner).get("/api/v1/" + r[0] + "/" + r[1]).then().statusCode(200);
        }
        as(stranger).queryParam("project_id", p.toString()).get("/api/v1/creators").then().statusCode(200).body("data", hasSize(0));
        as(stranger).queryParam("creator_id", c.toString()).get("/api/v1/videos").then().statusCode(200).body("data", hasSize(0));
        as(stranger).queryParam("project_id", p.toString()).get("/api/v1/campaigns").then().statusCode(200).body("data", hasSize(0));
        as(owner).get("/api/v1/creators/" + c).then().body("data.readme", equalTo(null));
    }
}
