package org.parley.server.disco;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;

class PresenceAuthorizationTest {

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void onlyFromAndBothShareThePresence(Databases.Engine engine) throws Exception {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            jdbc.update("INSERT INTO users (username, enabled, created_at) VALUES (?, TRUE, ?)", "alice", Timestamp.from(Instant.now()));
            String[][] items = {{"b@x", "both"}, {"f@x", "from"}, {"t@x", "to"}, {"n@x", "none"}};
            for (String[] item : items) {
                jdbc.update("INSERT INTO roster_items (username, contact, subscription) VALUES (?, ?, ?)", "alice", item[0], item[1]);
            }
            PresenceAuthorization auth = new PresenceAuthorization(jdbc, new org.parley.server.account.AccountNames(org.jxmpp.jid.impl.JidCreate.domainBareFromOrThrowUnchecked("localhost")));
            var alice = JidCreate.entityBareFrom("alice@localhost");
            assertThat(auth.mayReceivePresence(alice, JidCreate.bareFrom("b@x"))).isTrue();
            assertThat(auth.mayReceivePresence(alice, JidCreate.bareFrom("f@x"))).isTrue();
            assertThat(auth.mayReceivePresence(alice, JidCreate.bareFrom("t@x"))).isFalse();
            assertThat(auth.mayReceivePresence(alice, JidCreate.bareFrom("n@x"))).isFalse();
            assertThat(auth.mayReceivePresence(alice, JidCreate.bareFrom("stranger@x"))).isFalse();
            assertThat(auth.mayReceivePresence(JidCreate.entityBareFrom("nobody@localhost"), JidCreate.bareFrom("b@x"))).isFalse();
        }
    }
}
