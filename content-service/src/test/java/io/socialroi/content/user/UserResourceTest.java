package io.socialroi.content.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.testing.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserResourceTest {

    static String workspace(String name) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"timeZone\":\"Europe/Rome\",\"currency\":\"EUR\"}")
                .post("/workspaces").then().statusCode(201).extract().path("id");
    }

    static String createUser(String email, String password, String role, String... workspaces) {
        String ids = workspaces.length == 0 ? "[]" : "[\"" + String.join("\",\"", workspaces) + "\"]";
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"name\":\"Someone\",\"password\":\"" + password + "\","
                        + "\"role\":\"" + role + "\",\"workspaceIds\":" + ids + "}")
                .post("/users").then().statusCode(201).extract().path("id");
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.test";
    }

    static Connection db() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, "postgres", "");
    }

    static long count(String sql, Object... args) throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void adminCreatesAUserWhosePasswordIsKeptOnlyAsArgon2id() throws Exception {
        String ws = workspace("Rossi");
        String email = unique("Giulia");
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"name\":\"Giulia Rossi\",\"password\":\"correct horse battery\","
                        + "\"role\":\"CLIENT_VIEWER\",\"workspaceIds\":[\"" + ws + "\"]}")
                .post("/users").then().statusCode(201)
                .body("email", equalTo(email)).body("name", equalTo("Giulia Rossi"))
                .body("role", equalTo("CLIENT_VIEWER")).body("workspaceIds", contains(ws))
                .body("$", not(hasKey("password"))).body("$", not(hasKey("passwordHash")))
                .extract().path("id");
        given().auth().oauth2(TestTokens.admin()).get("/users/" + id).then().statusCode(200)
                .body("email", equalTo(email)).body("workspaceIds", contains(ws));

        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "select password_hash from app_user where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next());
            String hash = rs.getString(1);
            assertTrue(hash.startsWith("$argon2id$"), hash);
            assertTrue(!hash.contains("correct horse battery"));
            assertTrue(new PasswordHasher().matches("correct horse battery", hash));
        }
        assertEquals(1, count("select count(*) from user_workspace where user_id = ? and workspace_id = ?",
                UUID.fromString(id), UUID.fromString(ws)));
    }

    @Test
    void emailsAreUniqueWithoutRegardToCase() throws Exception {
        String ws = workspace("Dup");
        String email = unique("dup");
        createUser(email, "long enough password", "MANAGER", ws);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email.toUpperCase() + "\",\"name\":\"Again\",\"password\":\"long enough password\","
                        + "\"role\":\"MANAGER\",\"workspaceIds\":[\"" + ws + "\"]}")
                .post("/users").then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, count("select count(*) from app_user where lower(email) = lower(?)", email));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() throws Exception {
        String ws = workspace("Bad");
        long before = count("select count(*) from app_user");
        String email = unique("bad");
        post("{\"email\":", 400, null);
        post("{\"email\":\"" + email + "\",\"name\":\"n\",\"password\":\"long enough password\",\"role\":\"ROOT\","
                + "\"workspaceIds\":[\"" + ws + "\"]}", 400, "role");
        post("{\"email\":\"" + email + "\",\"name\":\"n\",\"password\":\"long enough password\",\"role\":\"MANAGER\","
                + "\"workspaceIds\":[\"not-a-uuid\"]}", 400, null);
        post("{\"email\":\"" + email + "\",\"name\":\"n\",\"password\":\"short\",\"role\":\"MANAGER\","
                + "\"workspaceIds\":[\"" + ws + "\"]}", 422, "password");
        post("{\"email\":\"not an email\",\"name\":\"n\",\"password\":\"long enough password\",\"role\":\"MANAGER\","
                + "\"workspaceIds\":[\"" + ws + "\"]}", 422, "email");
        post("{\"email\":\"" + email + "\",\"name\":\"n\",\"password\":\"long enough password\","
                + "\"role\":\"CLIENT_VIEWER\",\"workspaceIds\":[]}", 422, "workspaceIds");
        post("{\"email\":\"" + email + "\",\"name\":\"n\",\"password\":\"long enough password\",\"role\":\"MANAGER\","
                + "\"workspaceIds\":[\"" + ws + "\",\"" + UUID.randomUUID() + "\"]}", 422, "workspaceIds[1]");
        post("{\"email\":\"" + email + "\",\"name\":12,\"password\":[1],\"role\":\"MANAGER\"}", 400, null);
        assertEquals(before, count("select count(*) from app_user"));
    }

    private static void post(String body, int status, String field) {
        var response = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/users").then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status));
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
    }

    @Test
    void onlyTheAgencyAdminManagesUsers() {
        String ws = workspace("Scoped");
        String body = "{\"email\":\"" + unique("x") + "\",\"name\":\"n\",\"password\":\"long enough password\","
                + "\"role\":\"ADMIN\"}";
        given().contentType(ContentType.JSON).body(body).post("/users").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/users").then().statusCode(401);
        String manager = TestTokens.workspaces(List.of(UUID.fromString(ws)), "MANAGER", "content:read",
                "content:write", "reports:read");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(body).post("/users").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(manager).get("/users").then().statusCode(403);
        given().auth().oauth2(TestTokens.workspace(UUID.fromString(ws), "content:write")).get("/users/" + UUID.randomUUID())
                .then().statusCode(403);
    }

    @Test
    void usersArePagedAndUnknownOnesAreNotFound() {
        String ws = workspace("Paged");
        String a = createUser(unique("a"), "long enough password", "MANAGER", ws);
        String b = createUser(unique("b"), "long enough password", "CLIENT_VIEWER", ws);
        List<String> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(TestTokens.admin()).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? new Object[0] : new Object[] {cursor})
                    .get("/users").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            assertTrue(ids.size() <= 2);
            all.addAll(ids);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertTrue(all.contains(a) && all.contains(b), all.toString());
        assertEquals(all.size(), all.stream().distinct().count());
        given().auth().oauth2(TestTokens.admin()).get("/users/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/users?cursor=nope").then().statusCode(422)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void adminUsersAreNotBoundToWorkspaces() {
        String ws = workspace("Any");
        var created = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"email\":\"" + unique("boss") + "\",\"name\":\"Boss\",\"password\":\"long enough password\","
                        + "\"role\":\"ADMIN\",\"workspaceIds\":[\"" + ws + "\"]}")
                .post("/users").then().statusCode(201).body("workspaceIds.size()", equalTo(0))
                .body("id", notNullValue()).extract();
        assertTrue(created.header("Location").endsWith("/users/" + created.path("id")));
    }
}
