package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** /api/v1/contacts: bad requests are 400 with a reason, unknown users 404 on export and a per-user failure on import. */
class ContactApiTest {

    @Test
    void importsExportsAndRefusesBadInput() {
        try (AdminApiFixture api = new AdminApiFixture()) {
            api.harness.createUser("alice");
            HttpResponse<String> imported = api.send("POST", "/api/v1/contacts", """
                    {"users": [
                      {"user": "Alice", "items": [{"jid": "bob@localhost", "name": "Bob", "groups": ["A"],
                                                   "subscription": "to", "ask": "subscribe"}]},
                      {"user": "ghost", "items": []}
                    ]}""");
            assertThat(imported.statusCode()).isEqualTo(200);
            assertThat(api.json(imported).get("imported").toString()).isEqualTo("[\"alice\"]");
            assertThat(api.json(imported).get("failed").get(0).get("reason").asText()).isEqualTo("no user ghost");

            HttpResponse<String> exported = api.send("GET", "/api/v1/contacts?user=alice", null);
            assertThat(exported.statusCode()).isEqualTo(200);
            assertThat(api.json(exported).get("users").get(0).get("items").get(0).get("ask").asText())
                    .isEqualTo("subscribe");
            assertThat(api.send("GET", "/api/v1/contacts?user=ghost", null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", "/api/v1/contacts?user=a%20b", null).statusCode()).isEqualTo(400);

            HttpResponse<String> bad = api.send("POST", "/api/v1/contacts",
                    "{\"users\": [{\"user\": \"alice\", \"items\": [{\"jid\": \"bob@localhost/res\"}]}]}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(api.json(bad).get("error").asText()).contains("alice").contains("bare JID");
            assertThat(api.send("POST", "/api/v1/contacts", "{\"users\": 3}").statusCode()).isEqualTo(400);
            assertThat(api.send("POST", "/api/v1/contacts", "{\"users\": [], \"replace\": \"yes\"}").statusCode())
                    .isEqualTo(400);
        }
    }
}
