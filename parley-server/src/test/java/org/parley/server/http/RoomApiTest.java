package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/rooms} on live rooms. */
class RoomApiTest {

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
    void createInspectChangeMembersAndDestroy() {
        HttpResponse<String> created = api.send("POST", "/api/v1/rooms", """
                {"name": "Board", "title": "Board room", "description": "Quarterly results", "membersOnly": true,
                 "owners": ["alice"], "members": ["bob", "carol@localhost"]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode room = api.json(created);
        assertThat(room.get("name").asText()).isEqualTo("board");
        assertThat(room.get("jid").asText()).isEqualTo("board@conference.localhost");
        assertThat(room.get("persistent").asBoolean()).isTrue();
        assertThat(room.get("membersOnly").asBoolean()).isTrue();
        assertThat(room.get("affiliations").toString()).contains("alice@localhost", "owner", "bob@localhost", "member");

        assertThat(api.send("POST", "/api/v1/rooms", "{\"name\": \"board\", \"owners\": [\"alice\"]}").statusCode()).isEqualTo(409);
        assertThat(api.send("POST", "/api/v1/rooms", "{\"name\": \"nobody\"}").statusCode()).isEqualTo(400);
        assertThat(api.send("POST", "/api/v1/rooms", "{\"name\": \"bad\", \"owners\": [\"a b@\"]}").statusCode()).isEqualTo(400);

        assertThat(api.json(api.send("GET", "/api/v1/rooms", null)).get("rooms").get(0).get("name").asText()).isEqualTo("board");
        assertThat(api.send("GET", "/api/v1/rooms/board", null).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", "/api/v1/rooms/none", null).statusCode()).isEqualTo(404);

        HttpResponse<String> put = api.send("PUT", "/api/v1/rooms/board/members/dave", "{\"affiliation\": \"member\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/v1/rooms/board/members/dave", "{\"affiliation\": \"king\"}").statusCode()).isEqualTo(400);
        assertThat(api.send("DELETE", "/api/v1/rooms/board/members/bob", null).statusCode()).isEqualTo(204);
        // The last owner stays.
        assertThat(api.send("DELETE", "/api/v1/rooms/board/members/alice", null).statusCode()).isEqualTo(400);
        String members = api.send("GET", "/api/v1/rooms/board/members", null).body();
        assertThat(members).contains("dave@localhost").doesNotContain("bob@localhost");

        assertThat(api.send("DELETE", "/api/v1/rooms/board?reason=done", null).statusCode()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/rooms/board", null).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/rooms/board/members", null).statusCode()).isEqualTo(404);
    }

    @Test
    void persistentRoomLimitIsAConflict() {
        api.close();
        api = new AdminApiFixture(java.util.List.of("muc.maxPersistentRooms=1"));
        assertThat(api.send("POST", "/api/v1/rooms", "{\"name\": \"one\", \"owners\": [\"alice\"]}").statusCode()).isEqualTo(201);
        HttpResponse<String> second = api.send("POST", "/api/v1/rooms", "{\"name\": \"two\", \"owners\": [\"alice\"]}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(api.json(second).get("error").asText()).contains("limit of 1 persistent rooms");
    }
}
