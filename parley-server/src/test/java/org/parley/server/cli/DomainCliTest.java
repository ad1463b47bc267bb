package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.admin.LocalAdminFiles;
import org.parley.server.http.AdminApiFixture;

/** {@code parley domain add|list|remove}: through a running server's API (applies at once) and on the database. */
class DomainCliTest {

    @TempDir
    Path dataDir;

    @Test
    void domainsChangeOnTheRunningServer() throws Exception {
        try (AdminApiFixture api = new AdminApiFixture()) {
            new LocalAdminFiles(dataDir).publish(api.tokens, api.listener.localAddress());
            var second = JidCreate.domainBareFrom("second.example");

            CliRun added = CliRun.run(dataDir, "domain", "add", "Second.Example");
            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(added.out()).contains("second.example");
            assertThat(api.harness.core().domains().isLocal(second)).isTrue();
            assertThat(Files.exists(dataDir.resolve("parley.mv.db"))).isFalse();
            assertThat(CliRun.run(dataDir, "domain", "add", "second.example").err()).contains("served already");
            assertThat(CliRun.run(dataDir, "domain", "add", "not a domain@x").exitCode()).isEqualTo(1);

            assertThat(CliRun.run(dataDir, "domain", "list").lines())
                    .containsExactly(String.format("%-40s %s", "localhost", "default"),
                            String.format("%-40s %s", "second.example", "managed"));

            // A user in the new domain; the domain cannot go while it has users.
            assertThat(CliRun.run(dataDir, "user", "add", "carol@second.example", "pw").exitCode()).isZero();
            assertThat(api.harness.accounts().exists("carol@second.example").join()).isTrue();
            CliRun refused = CliRun.run(dataDir, "domain", "remove", "second.example");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("1 user(s)");
            assertThat(CliRun.run(dataDir, "domain", "remove", "localhost").err()).contains("default domain");

            assertThat(CliRun.run(dataDir, "user", "delete", "carol@second.example").exitCode()).isZero();
            CliRun removed = CliRun.run(dataDir, "domain", "remove", "second.example");
            assertThat(removed.exitCode()).as(removed.err()).isZero();
            assertThat(api.harness.core().domains().isLocal(second)).isFalse();
            assertThat(CliRun.run(dataDir, "domain", "remove", "second.example").exitCode()).isEqualTo(1);
        }
    }

    @Test
    void withoutServerTheDatabaseKeepsDomainsAndDnsPrintsSrvRecords() {
        assertThat(CliRun.run(dataDir, "domain", "add", "sales.example").exitCode()).isZero();
        CliRun user = CliRun.run(dataDir, "user", "add", "dave@sales.example", "pw");
        assertThat(user.exitCode()).as(user.err()).isZero();
        CliRun unserved = CliRun.run(dataDir, "user", "add", "erin@elsewhere.example", "pw");
        assertThat(unserved.exitCode()).isEqualTo(1);
        assertThat(unserved.err()).contains("does not serve");

        CliRun dns = CliRun.run(dataDir, "domain", "list", "--dns", "--set", "dns.host=xmpp.corp.example");
        assertThat(dns.exitCode()).as(dns.err()).isZero();
        assertThat(dns.lines()).contains(
                "_xmpp-client._tcp.localhost. 3600 IN SRV 0 5 5222 xmpp.corp.example.",
                "_xmpps-client._tcp.localhost. 3600 IN SRV 0 5 5223 xmpp.corp.example.",
                "_xmpp-server._tcp.localhost. 3600 IN SRV 0 5 5269 xmpp.corp.example.",
                "_xmpp-client._tcp.sales.example. 3600 IN SRV 0 5 5222 xmpp.corp.example.",
                "_xmpps-client._tcp.sales.example. 3600 IN SRV 0 5 5223 xmpp.corp.example.",
                "_xmpp-server._tcp.sales.example. 3600 IN SRV 0 5 5269 xmpp.corp.example.");
    }
}
