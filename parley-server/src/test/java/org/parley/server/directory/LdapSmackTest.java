package org.parley.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.search.ReportedData;
import org.jivesoftware.smackx.search.UserSearchManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.form.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.config.ConfigLoader;
import org.parley.server.presence.PresenceModule;
import org.parley.server.roster.RosterModule;
import org.parley.server.testing.TestServer;

/** A real XMPP client (Smack) signs in with its directory password, searches colleagues, sees shared group contacts. */
class LdapSmackTest {

    @TempDir
    Path tmp;

    @Test
    void signInSearchAndSharedGroup() throws Exception {
        SASLAuthentication.blacklistSASLMechanism("SCRAM-SHA-1-PLUS");
        try (TestDirectory ldap = TestDirectory.start(tmp, 200)) {
            List<String> overrides = new java.util.ArrayList<>(ldap.overrides(ldap.ldapUrl()));
            overrides.add("ldap.auth=true");
            overrides.add("ldap.groups.shared=Team Alpha");
            try (LdapDirectory directory = LdapDirectory.open(new ConfigLoader().load(null, overrides).ldap())) {
                RosterModule roster = new RosterModule();
                DirectoryModule module = new DirectoryModule(roster, directory);
                TestServer.Builder builder = TestServer.builder().modules(List.of(roster, new PresenceModule(roster),
                        module));
                overrides.forEach(builder::set);
                try (TestServer server = builder.credentials((core, accounts) -> new LdapCredentialSource(directory,
                        new DirectoryStore(core.jdbc()), new VCards(core.domain().toString()),
                        Clock.systemUTC(), accounts)).start()) {
                    module.syncNow().get(60, TimeUnit.SECONDS);

                    XMPPTCPConnection c = server.connect(server.startTlsConfig("user0001", "desk")
                            .setUsernameAndPassword("user0001", TestDirectory.password(1)).build());
                    assertThat(c.isAuthenticated()).isTrue();

                    org.jivesoftware.smack.roster.Roster contacts = org.jivesoftware.smack.roster.Roster.getInstanceFor(c);
                    contacts.reloadAndWait();
                    assertThat(contacts.getEntries()).extracting(e -> e.getJid().toString())
                            .contains("user0002@localhost", "user0003@localhost", "user0004@localhost");

                    UserSearchManager search = new UserSearchManager(c);
                    var service = JidCreate.domainBareFrom("search.localhost");
                    Form form = new Form(search.getSearchForm(service));
                    FillableForm answer = form.getFillableForm();
                    answer.setAnswer("email", "user0150@");
                    ReportedData found = search.getSearchResults(answer.getDataFormToSubmit(), service);
                    assertThat(found.getRows()).hasSize(1);
                    assertThat(found.getRows().get(0).getValues("jid").get(0).toString())
                            .isEqualTo("user0150@localhost");

                    assertThatThrownBy(() -> server.connect(server.startTlsConfig("user0002", "desk")
                            .setUsernameAndPassword("user0002", "wrong").build()))
                            .isInstanceOf(SASLErrorException.class);
                }
            }
        }
    }
}
