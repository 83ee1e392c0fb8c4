package io.socialroi.conversion.attribution;

import static io.socialroi.conversion.Api.as;
import static io.socialroi.conversion.attribution.AttributionResourceTest.CAMPAIGN;
import static io.socialroi.conversion.attribution.AttributionResourceTest.P1;
import static io.socialroi.conversion.attribution.AttributionResourceTest.P2;
import static io.socialroi.conversion.attribution.AttributionResourceTest.touch;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.conversion.Api;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.testing.FakeServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * People counts and ltv per row, worked out by hand on five conversions of three people (period
 * 2026-11-14..20, UTC):
 *
 * <pre>
 * ig:a = cust-A: liked P1 (11-10), commented P2 (11-12); LEAD 11-14, PURCHASE 100 11-15 (first),
 *                PURCHASE 50 11-25 (after the period: lifetime 150)
 * ig:b = cust-B: liked P1 (11-11); PURCHASE 200 11-16 (first, lifetime 200), SIGNUP 11-18
 * ig:c, no customer: liked P2 (11-13); LEAD 11-17 (a person of its own)
 * </pre>
 */
@QuarkusTest
class PeopleAndLtvTest {

    @FakeServices.Inject
    Fakes fakes;

    UUID workspace() {
        UUID ws = fakes.workspace("UTC", "EUR");
        String items = String.join(",", List.of(
                touch("t1", "LIKE", "INSTAGRAM", P1, "ATTENTION", "ig:a", null, "2026-11-10T10:00:00Z"),
                touch("t2", "LIKE", "INSTAGRAM", P1, "ATTENTION", "ig:b", null, "2026-11-11T10:00:00Z"),
                touch("t3", "COMMENT", "INSTAGRAM", P2, "ACTION", "ig:a", null, "2026-11-12T10:00:00Z"),
                touch("t4", "LIKE", "INSTAGRAM", P2, "ACTION", "ig:c", null, "2026-11-13T10:00:00Z")));
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search",
                FakeServer.Reply.json(200, "{\"items\":[" + items + "]}"));
        Api.conversion(ws, "lead-a", "LEAD", "cust-A", "2026-11-14T12:00:00Z", "\"actorIds\":[\"ig:a\"]");
        Api.purchase(ws, "order-a1", "cust-A", "100.00", "2026-11-15T12:00:00Z", "\"actorIds\":[\"ig:a\"]");
        Api.purchase(ws, "order-a2", "cust-A", "50.00", "2026-11-25T12:00:00Z", "\"actorIds\":[\"ig:a\"]");
        Api.purchase(ws, "order-b1", "cust-B", "200.00", "2026-11-16T12:00:00Z", "\"actorIds\":[\"ig:b\"]");
        as(ws).body("{\"eventId\":\"lead-c\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-17T12:00:00Z\","
                + "\"actorIds\":[\"ig:c\"]}").post("/workspaces/" + ws + "/conversions").then().statusCode(201);
        Api.conversion(ws, "signup-b", "SIGNUP", "cust-B", "2026-11-18T12:00:00Z", "\"actorIds\":[\"ig:b\"]");
        return ws;
    }

    static String period(UUID ws) {
        return "/workspaces/" + ws + "/attribution?from=2026-11-14&to=2026-11-20&groupBy=post";
    }

    @Test
    void lastTouchCountsThePeopleOfEachRowAndTheLtvOfItsFirstPurchases() {
        UUID ws = workspace();
        // Last touch: A's lead and purchase and C's lead go to P2; B's purchase and signup to P1.
        as(ws).get(period(ws) + "&model=LAST_TOUCH").then().statusCode(200)
                .body("rows.key", contains(P1, P2))
                .body("rows[0].conversions", equalTo(2)).body("rows[0].revenue.amount", equalTo("200.00"))
                .body("rows[0].convertingPeople", equalTo(1)).body("rows[0].leadPeople", equalTo(1))
                .body("rows[0].newCustomerPeople", equalTo(1)).body("rows[0].leadOrCustomerPeople", equalTo(1))
                .body("rows[0].ltv.amount", equalTo("200.00"))
                .body("rows[0].funnelStage", equalTo("ATTENTION")).body("rows[0].platform", equalTo("INSTAGRAM"))
                .body("rows[0].campaignId", equalTo(CAMPAIGN))
                .body("rows[1].conversions", equalTo(3)).body("rows[1].convertingPeople", equalTo(2))
                .body("rows[1].leadPeople", equalTo(2)).body("rows[1].newCustomerPeople", equalTo(1))
                .body("rows[1].leadOrCustomerPeople", equalTo(2)).body("rows[1].ltv.amount", equalTo("150.00"))
                .body("rows[1].funnelStage", equalTo("ACTION"))
                .body("attributed.convertingPeople", equalTo(3)).body("attributed.leadPeople", equalTo(3))
                .body("attributed.newCustomerPeople", equalTo(2)).body("attributed.leadOrCustomerPeople", equalTo(3))
                .body("attributed.ltv.amount", equalTo("175.00")).body("unattributed.convertingPeople", equalTo(0))
                .body("unattributed.ltv", nullValue()).body("customers", equalTo(2))
                .body("ltv.amount", equalTo("175.00"));
        // By platform the rows carry no post attributes.
        as(ws).get("/workspaces/" + ws + "/attribution?from=2026-11-14&to=2026-11-20&groupBy=platform").then()
                .statusCode(200).body("rows[0].key", equalTo("INSTAGRAM")).body("rows[0].funnelStage", nullValue())
                .body("rows[0].convertingPeople", equalTo(3)).body("rows[0].ltv.amount", equalTo("175.00"));
    }

    @Test
    void linearWeighsEachFirstPurchasesLifetimeByItsCredit() {
        UUID ws = workspace();
        // Linear: A's lead and purchase half to P1 and half to P2; B's purchase and signup all to P1; C's
        // lead all to P2. P1's ltv: (0.5 x 150 + 1 x 200) / 1.5 = 183.33; P2's: 0.5 x 150 / 0.5 = 150.
        as(ws).get(period(ws) + "&model=LINEAR").then().statusCode(200)
                .body("rows.key", contains(P1, P2))
                .body("rows[0].conversions", equalTo(3)).body("rows[0].revenue.amount", equalTo("250.00"))
                .body("rows[0].newCustomers", equalTo(1.5f)).body("rows[0].convertingPeople", equalTo(2))
                .body("rows[0].leadPeople", equalTo(2)).body("rows[0].newCustomerPeople", equalTo(2))
                .body("rows[0].leadOrCustomerPeople", equalTo(2)).body("rows[0].ltv.amount", equalTo("183.33"))
                .body("rows[1].conversions", equalTo(2)).body("rows[1].convertingPeople", equalTo(2))
                .body("rows[1].leadPeople", equalTo(2)).body("rows[1].newCustomerPeople", equalTo(1))
                .body("rows[1].leadOrCustomerPeople", equalTo(2)).body("rows[1].ltv.amount", equalTo("150.00"))
                .body("attributed.convertingPeople", equalTo(3)).body("attributed.ltv.amount", equalTo("175.00"));
    }

    @Test
    void compareAnswersCsvWithOneLinePerRowAndModel() {
        UUID ws = workspace();
        String csv = as(ws).accept("text/csv").get("/workspaces/" + ws
                + "/attribution/compare?models=LAST_TOUCH,LINEAR&from=2026-11-14&to=2026-11-20&groupBy=post").then()
                .statusCode(200).contentType("text/csv").extract().asString();
        String c = CAMPAIGN;
        assertEquals("key,label,model,conversions,revenue,currency,leads,purchases,newCustomers,convertingPeople,"
                + "leadPeople,newCustomerPeople,leadOrCustomerPeople,ltv,funnelStage,platform,campaignId\n"
                + P1 + "," + P1 + ",LAST_TOUCH,2,200.00,EUR,1,1,1,1,1,1,1,200.00,ATTENTION,INSTAGRAM," + c + "\n"
                + P1 + "," + P1 + ",LINEAR,3,250.00,EUR,1.5,1.5,1.5,2,2,2,2,183.33,ATTENTION,INSTAGRAM," + c + "\n"
                + P2 + "," + P2 + ",LAST_TOUCH,3,100.00,EUR,2,1,1,2,2,1,2,150.00,ACTION,INSTAGRAM," + c + "\n"
                + P2 + "," + P2 + ",LINEAR,2,50.00,EUR,1.5,0.5,0.5,2,2,1,2,150.00,ACTION,INSTAGRAM," + c + "\n"
                + "attributed,Attributed,,5,300.00,EUR,3,2,2,3,3,2,3,175.00,,,\n"
                + "unattributed,Unattributed,,0,0.00,EUR,0,0,0,0,0,0,0,,,,\n", csv);
        as(ws).get("/workspaces/" + ws + "/attribution/compare?models=LAST_TOUCH,LINEAR&from=2026-11-14&to=2026-11-20")
                .then().statusCode(200).body("rows[0].models.LINEAR.ltv.amount", equalTo("183.33"))
                .body("rows[0].funnelStage", equalTo("ATTENTION"));
    }
}
