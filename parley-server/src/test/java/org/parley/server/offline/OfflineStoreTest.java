package org.parley.server.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;
import org.parley.server.testing.TestXml;
import org.parley.xml.Stanza;

class OfflineStoreTest {

    private static EntityBareJid jid(String s) throws Exception {
        return JidCreate.entityBareFrom(s);
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void storesInOrderCapsAndDeletes(Databases.Engine engine) throws Exception {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            jdbc.update("INSERT INTO users (username, enabled, created_at) VALUES ('bob', TRUE, CURRENT_TIMESTAMP)");
            OfflineStore store = new JdbcOfflineStore(jdbc, new org.parley.server.account.AccountNames(org.jxmpp.jid.impl.JidCreate.domainBareFromOrThrowUnchecked("localhost")));
            EntityBareJid bob = jid("bob@localhost");
            Stanza m1 = TestXml.stanza("<message from='alice@localhost/a' to='bob@localhost' type='chat'>"
                    + "<body>one &amp; &lt;two&gt; \u00e9\u4e2d</body><x xmlns='urn:test'><y a='1'/></x></message>");
            Stanza m2 = TestXml.stanza("<message from='alice@localhost/a' to='bob@localhost'><body>2</body></message>");
            Stanza m3 = TestXml.stanza("<message from='alice@localhost/a' to='bob@localhost'><body>3</body></message>");

            assertThat(store.isEmpty()).isTrue();
            assertThat(store.store(bob, m1, Instant.now(), 2)).isEqualTo(OfflineStore.Outcome.STORED);
            assertThat(store.isEmpty()).isFalse();
            assertThat(store.store(bob, m2, Instant.now(), 2)).isEqualTo(OfflineStore.Outcome.STORED);
            assertThat(store.store(bob, m3, Instant.now(), 2)).isEqualTo(OfflineStore.Outcome.FULL);
            assertThat(store.store(jid("nobody@localhost"), m1, Instant.now(), 2))
                    .isEqualTo(OfflineStore.Outcome.NO_SUCH_USER);
            assertThat(store.count(bob)).isEqualTo(2);

            List<OfflineStore.StoredMessage> loaded = store.load(bob);
            assertThat(loaded).extracting(m -> m.message().element()).containsExactly(m1.element(), m2.element());
            assertThat(loaded.get(0).id()).isLessThan(loaded.get(1).id());

            store.delete(bob, List.of(loaded.get(0).id()));
            assertThat(store.load(bob)).extracting(OfflineStore.StoredMessage::id).containsExactly(loaded.get(1).id());
            store.delete(bob, List.of(loaded.get(1).id()));
            assertThat(store.count(bob)).isZero();
            assertThat(store.isEmpty()).isTrue();

            // Deleting the account deletes its stored messages.
            store.store(bob, m3, Instant.now(), 2);
            jdbc.update("DELETE FROM users WHERE username = 'bob'");
            assertThat(store.count(bob)).isZero();
        }
    }
}
