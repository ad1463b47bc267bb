package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.TestSession;
import org.parley.xml.StreamErrorCondition;

class UserApiTest {

    private AdminApiFixture api;

    @BeforeEach
    void start() {
        api = new AdminApiFixture();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void createListChangePasswordDelete() throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/v1/users", "{\"username\":\"Alice\",\"password\":\"s3cret\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(api.json(created).get("username").asText()).isEqualTo("alice");
        api.send("POST", "/api/v1/users", "{\"username\":\"bob\",\"password\":\"pw\"}");

        HttpResponse<String> list = api.send("GET", "/api/v1/users", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(api.json(list).get("users").toString()).isEqualTo("[\"alice\",\"bob\"]");

        assertThat(api.send("PUT", "/api/v1/users/alice/password", "{\"password\":\"new\"}").statusCode()).isEqualTo(204);
        assertThat(api.harness.accounts().verifyPassword("alice", "new").toCompletableFuture().get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(api.send("PUT", "/api/v1/users/nobody/password", "{\"password\":\"new\"}").statusCode()).isEqualTo(404);

        assertThat(api.send("DELETE", "/api/v1/users/alice", null).statusCode()).isEqualTo(204);
        HttpResponse<String> again = api.send("DELETE", "/api/v1/users/alice", null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(api.json(again).get("error").asText()).contains("alice");
        assertThat(api.json(api.send("GET", "/api/v1/users", null)).get("users").toString()).isEqualTo("[\"bob\"]");
    }

    @Test
    void takenUsernameIsConflict() {
        api.send("POST", "/api/v1/users", "{\"username\":\"carol\",\"password\":\"x\"}");
        HttpResponse<String> r = api.send("POST", "/api/v1/users", "{\"username\":\"carol\",\"password\":\"y\"}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertError(r, 409);
    }

    @Test
    void deletingAUserEndsItsSessions() {
        api.harness.createUser("dave");
        TestSession session = api.harness.connect("dave", "phone");
        assertThat(api.send("DELETE", "/api/v1/users/dave", null).statusCode()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(session::isClosed);
        assertThat(session.closedWith()).isEqualTo(StreamErrorCondition.NOT_AUTHORIZED);
    }

    @Test
    void badJsonMissingFieldsAndInvalidNamesAreBadRequests() {
        assertError(api.send("POST", "/api/v1/users", "{\"username\":"), 400);
        assertError(api.send("POST", "/api/v1/users", "[1,2]"), 400);
        assertError(api.send("POST", "/api/v1/users", "{\"username\":\"erin\"}"), 400);
        assertError(api.send("POST", "/api/v1/users", "{\"username\":42,\"password\":\"x\"}"), 400);
        HttpResponse<String> invalid = api.send("POST", "/api/v1/users", "{\"username\":\"a@b\",\"password\":\"x\"}");
        assertError(invalid, 400);
        assertThat(api.json(invalid).get("error").asText()).contains("a@b");
        assertError(api.send("PUT", "/api/v1/users/erin/password", "not json"), 400);
    }

    @Test
    void missingOrWrongTokenIsUnauthorized() {
        HttpResponse<String> none = api.send("GET", "/api/v1/users", null, null);
        assertError(none, 401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertError(api.send("GET", "/api/v1/users", null, "not-a-token"), 401);
        assertError(api.send("POST", "/api/v1/users", "{\"username\":\"mallory\",\"password\":\"x\"}", "bad"), 401);
        assertThat(api.harness.accounts().list().join()).doesNotContain("mallory");
    }

    @Test
    void unknownRoutesAndWrongMethodsAnswerJson() {
        assertError(api.send("GET", "/nothing-here", null), 404);
        assertError(api.send("GET", "/api/v1/nothing-here", null), 404);
        assertError(api.send("PATCH", "/api/v1/users", "{}"), 405);
    }

    @Test
    void issuedTokensWork() {
        HttpResponse<String> r = api.send("POST", "/api/v1/tokens", "{\"name\":\"ci\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        String issued = api.json(r).get("token").asText();
        assertThat(api.send("GET", "/api/v1/users", null, issued).statusCode()).isEqualTo(200);
    }

    private void assertError(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode body = api.json(r);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isNotBlank().doesNotContain("Exception");
    }
}
