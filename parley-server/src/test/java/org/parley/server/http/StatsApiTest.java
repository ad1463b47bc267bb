package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsApiTest {

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
    void memoryFiguresAfterARequestedCollection() {
        HttpResponse<String> r = api.send("GET", StatsRoutes.MEMORY + "?gc=true", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = api.json(r);
        assertThat(body.get("gc").asBoolean()).isTrue();
        assertThat(body.get("heapUsedBytes").asLong()).isPositive()
                .isLessThanOrEqualTo(body.get("heapCommittedBytes").asLong());
        assertThat(body.get("directBufferBytes").asLong()).isNotNegative();
        assertThat(body.get("c2sConnections").asInt()).isEqualTo(7); // the fixture's supplier
    }

    @Test
    void noCollectionUnlessAskedAndNothingWithoutAToken() {
        assertThat(api.json(api.send("GET", StatsRoutes.MEMORY, null)).get("gc").asBoolean()).isFalse();
        assertThat(api.send("GET", StatsRoutes.MEMORY, null, null).statusCode()).isEqualTo(401);
    }
}
