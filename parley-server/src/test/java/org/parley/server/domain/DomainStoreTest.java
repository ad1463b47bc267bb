package org.parley.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.account.AccountStore;
import org.parley.server.core.Domains;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;

/** Managed and system-managed domains on H2 and PostgreSQL. */
class DomainStoreTest {

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void managedAndSystemDomains(Databases.Engine engine) throws Exception {
        try (var db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            DomainStore store = new DomainStore(jdbc);
            DomainBareJid sales = JidCreate.domainBareFrom("sales.example");
            DomainBareJid webex = JidCreate.domainBareFrom("webex.example");
            assertThat(store.add(sales, Instant.now())).isTrue();
            assertThat(store.add(sales, Instant.now())).isFalse();
            assertThat(store.managed()).containsExactly(sales);

            AccountStore accounts = new AccountStore(jdbc);
            accounts.create("alice", List.of(), Instant.now());
            accounts.create("john.smith@webex.example", List.of(), Instant.now());
            accounts.create("jsmith@sales.example", List.of(), Instant.now());
            assertThat(store.systemDomains()).containsExactlyInAnyOrder(sales, webex);
            assertThat(store.users(sales)).isEqualTo(1);
            assertThat(store.users(JidCreate.domainBareFrom("example"))).isZero();

            Domains domains = new Domains(JidCreate.domainBareFrom("localhost"));
            store.loadInto(domains);
            assertThat(domains.all()).containsExactly(
                    new Domains.Entry(JidCreate.domainBareFrom("localhost"), Domains.Kind.DEFAULT),
                    new Domains.Entry(sales, Domains.Kind.MANAGED),
                    new Domains.Entry(webex, Domains.Kind.SYSTEM));

            assertThat(store.remove(sales)).isTrue();
            assertThat(store.remove(sales)).isFalse();
            assertThat(store.managed()).isEmpty();
        }
    }
}
