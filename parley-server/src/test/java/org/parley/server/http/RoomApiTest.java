package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.MutableClock;

/** {@code /api/v1/rooms} on live rooms. */
class RoomApiTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private AdminApiFixture api;

    @BeforeEach
    void start() {
        api = new AdminApiFixture(List.of(), null, clock);
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
    void withoutAValidTokenEveryRoomRouteAnswers401() {
        for (String[] call : new String[][] {{"GET", "/api/v1/rooms"}, {"POST", "/api/v1/rooms"},
                {"GET", "/api/v1/rooms/board"}, {"DELETE", "/api/v1/rooms/board"}, {"GET", "/api/v1/rooms/board/members"},
                {"PUT", "/api/v1/rooms/board/members/bob"}, {"DELETE", "/api/v1/rooms/board/members/bob"}}) {
            String body = call[0].equals("GET") || call[0].equals("DELETE") ? null : "{\"name\": \"board\", \"owners\": [\"alice\"]}";
            HttpResponse<String> none = api.send(call[0], call[1], body, null);
            assertThat(none.statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(api.json(none).get("status").asInt()).isEqualTo(401);
            assertThat(api.send(call[0], call[1], body, "not-a-token").statusCode()).isEqualTo(401);
        }
        // Nothing was created on the way.
        assertThat(api.json(api.send("GET", "/api/v1/rooms", null)).get("rooms")).isEmpty();
    }

    @Test
    void whileRoomStorageFailsChangesAnswer503AndLeaveTheRoomsAsTheyWere() {
        assertThat(api.send("POST", "/api/v1/rooms", "{\"name\": \"board\", \"owners\": [\"alice\"], "
                + "\"members\": [\"bob\"]}").statusCode()).isEqualTo(201);
        // The room tables go away (the admin tokens, elsewhere in the database, still work).
        api.harness.core().jdbc().update("ALTER TABLE muc_rooms RENAME TO muc_rooms_away");

        HttpResponse<String> create = api.send("POST", "/api/v1/rooms", "{\"name\": \"later\", \"owners\": [\"alice\"]}");
        assertThat(create.statusCode()).isEqualTo(503);
        assertThat(api.json(create).get("error").asText()).contains("database");
        assertThat(api.send("PUT", "/api/v1/rooms/board/members/dave", "{\"affiliation\": \"member\"}").statusCode())
                .isEqualTo(503);
        assertThat(api.send("DELETE", "/api/v1/rooms/board/members/bob", null).statusCode()).isEqualTo(503);
        assertThat(api.send("DELETE", "/api/v1/rooms/board", null).statusCode()).isEqualTo(503);

        // Reading needs no storage: the live rooms are as they were before the failed changes.
        HttpResponse<String> list = api.send("GET", "/api/v1/rooms", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(api.json(list).get("rooms")).hasSize(1);
        assertThat(api.send("GET", "/api/v1/rooms/board/members", null).body())
                .contains("bob@localhost").doesNotContain("dave@localhost");

        // Storage is back: the same requests succeed.
        api.harness.core().jdbc().update("ALTER TABLE muc_rooms_away RENAME TO muc_rooms");
        assertThat(api.send("PUT", "/api/v1/rooms/board/members/dave", "{\"affiliation\": \"member\"}").statusCode())
                .isEqualTo(200);
        assertThat(api.send("POST", "/api/v1/rooms", "{\"name\": \"later\", \"owners\": [\"alice\"]}").statusCode())
                .isEqualTo(201);

        // With the whole database gone, even the token check cannot answer: 503 for every route
        // once the token's scopes are no longer remembered (CachedTokenScopes.TTL).
        api.harness.core().database().close();
        clock.advanceMillis(CachedTokenScopes.TTL.toMillis());
        assertThat(api.send("GET", "/api/v1/rooms", null).statusCode()).isEqualTo(503);
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
