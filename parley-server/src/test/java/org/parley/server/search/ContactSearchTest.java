package org.parley.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.config.ConfigLoader;
import org.parley.server.directory.DirectoryModule;
import org.parley.server.directory.DirectoryStore;
import org.parley.server.directory.LdapDirectory;
import org.parley.server.directory.TestDirectories;
import org.parley.server.roster.RosterModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/** XEP-0055 at search.localhost: data forms and legacy fields, over the live directory and over the users table. */
class ContactSearchTest {

    @TempDir
    Path tmp;

    @Test
    void searchesTheLiveDirectoryWithDataFormsAndACap() throws Exception {
        try (var ldap = TestDirectories.start(tmp, 300)) {
            List<String> overrides = new ArrayList<>(TestDirectories.overrides(ldap));
            overrides.add("search.maxResults=20");
            try (LdapDirectory directory = LdapDirectory.open(new ConfigLoader().load(null, overrides).ldap())) {
                RosterModule roster = new RosterModule();
                DirectoryModule module = new DirectoryModule(roster, directory);
                try (CoreHarness h = CoreHarness.start(overrides, roster, module)) {
                    module.syncNow().get(60, TimeUnit.SECONDS);
                    TestSession s = h.connect("user0001", "desk");

                    s.send("<iq type='get' id='f' to='search.localhost'><query xmlns='jabber:iq:search'/></iq>");
                    Stanza form = s.expect(r -> "f".equals(r.id()));
                    assertThat(form.toXml()).contains("var=\"department\"").contains("<first");

                    List<Element> items = items(submit(s, "department", "Sales"));
                    assertThat(items).hasSize(20); // 30 in Sales, capped
                    assertThat(items(submit(s, "user", "user0042"))).singleElement()
                            .satisfies(i -> assertThat(i.toXml()).contains("user0042@localhost")
                                    .contains("User Number 42").contains("user0042@example.com"));
                    assertThat(items(submit(s, "email", "0043@example.org"))).hasSize(1);
                    assertThat(items(submit(s, "name", "Number 123"))).hasSize(1);

                    s.send("<iq type='set' id='l' to='search.localhost'><query xmlns='jabber:iq:search'>"
                            + "<nick>user0044</nick></query></iq>");
                    Stanza legacy = s.expect(r -> "l".equals(r.id()));
                    assertThat(legacy.toXml()).contains("jid=\"user0044@localhost\"").contains("<nick>user0044</nick>");

                    s.send("<iq type='set' id='e' to='search.localhost'><query xmlns='jabber:iq:search'/></iq>");
                    assertThat(s.expect(r -> "e".equals(r.id())).type()).isEqualTo("error");

                    s.send("<iq type='get' id='d' to='search.localhost'><query xmlns='"
                            + Namespaces.DISCO_INFO + "'/></iq>");
                    assertThat(s.expect(r -> "d".equals(r.id())).toXml()).contains("jabber:iq:search");
                }
            }
        }
    }

    @Test
    void searchesParleyUsersWithoutADirectory() {
        try (CoreHarness h = CoreHarness.start(List.of(), new RosterModule(), new DirectoryModule(null, null))) {
            h.createUser("alice");
            h.createUser("alfred");
            h.createUser("bob");
            h.core().jdbc().update("UPDATE users SET display_name = 'Alice Liddell', department = 'R&D' "
                    + "WHERE username = 'alice'");
            assertThat(new DirectoryStore(h.core().jdbc()).search("al", null, null, null, 10)).hasSize(2);
            TestSession s = h.connect("bob", "desk");
            assertThat(items(submit(s, "user", "AL"))).hasSize(2);
            assertThat(items(submit(s, "department", "r&d"))).singleElement()
                    .satisfies(i -> assertThat(i.toXml()).contains("Alice Liddell"));
            assertThat(items(submit(s, "name", "100%"))).isEmpty();
        }
    }

    private static Stanza submit(TestSession s, String var, String value) {
        String id = "s-" + var + "-" + value.hashCode();
        s.send(Stanza.of(Element.builder("iq", Namespaces.CLIENT).attribute("type", "set").attribute("id", id)
                .attribute("to", "search.localhost")
                .child(Element.builder("query", "jabber:iq:search")
                        .child(Element.builder("x", Namespaces.DATA_FORMS).attribute("type", "submit")
                                .child(Element.builder("field", Namespaces.DATA_FORMS).attribute("var", "FORM_TYPE")
                                        .textChild("value", "jabber:iq:search").build())
                                .child(Element.builder("field", Namespaces.DATA_FORMS).attribute("var", var)
                                        .textChild("value", value).build())
                                .build())
                        .build())
                .build()));
        Stanza reply = s.expect(r -> id.equals(r.id()));
        assertThat(reply.type()).isEqualTo("result");
        return reply;
    }

    private static List<Element> items(Stanza result) {
        return result.element().child("query", "jabber:iq:search").orElseThrow()
                .child("x", Namespaces.DATA_FORMS).orElseThrow().children("item", Namespaces.DATA_FORMS);
    }
}
