package org.parley.server.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.roster.RosterItem;
import org.parley.server.roster.Subscription;

/** CSV and XEP-0227 files: exact round trips, and bad rows reported by line with their user left out. */
class ContactFilesTest {

    private static final String REQUEST =
            "<presence xmlns=\"jabber:client\" from=\"dana@remote.example\" to=\"alice@localhost\" type=\"subscribe\">"
                    + "<status>hi, it's me</status></presence>";

    private static List<UserContacts> sample() throws Exception {
        RosterItem bob = new RosterItem(JidCreate.bareFrom("bob@localhost"), "Bob, \"the\" builder\nII",
                List.of("Work; Ops", "back\\slash", "Ünïcode"), Subscription.BOTH, false, false, false, true, null);
        RosterItem carol = new RosterItem(JidCreate.bareFrom("carol@example.org"), null, List.of(),
                Subscription.FROM, true, false, true, true, null);
        RosterItem dana = new RosterItem(JidCreate.bareFrom("dana@remote.example"), null, List.of(),
                Subscription.NONE, false, true, false, false, REQUEST);
        RosterItem erin = new RosterItem(JidCreate.bareFrom("erin@localhost"), "Erin", List.of("Friends"),
                Subscription.TO, false, true, false, true, REQUEST.replace("dana@remote.example", "erin@localhost"));
        return List.of(new UserContacts("alice", List.of(bob, carol, dana, erin)),
                new UserContacts("zed", List.of()));
    }

    /** CSV carries no request stanza (the server makes one up): equal but for that. */
    private static List<UserContacts> withoutStanzas(List<UserContacts> users) {
        return users.stream().map(u -> new UserContacts(u.user(), u.items().stream()
                .map(i -> i.pendingIn() ? i.withPendingIn(true, null) : i).toList())).toList();
    }

    @Test
    void csvRoundTripsEveryField() throws Exception {
        StringWriter out = new StringWriter();
        List<UserContacts> users = List.of(sample().get(0));
        ContactsCsv.write(users, out);
        ContactFile read = ContactsCsv.read("c.csv", new StringReader(out.toString()));
        assertThat(read.problems()).isEmpty();
        assertThat(read.users()).isEqualTo(withoutStanzas(users));
    }

    @Test
    void xmlRoundTripsEveryFieldAndKeepsTheRequests() throws Exception {
        StringWriter out = new StringWriter();
        ContactsXml.write("localhost", sample(), out);
        assertThat(out.toString()).contains("<server-data xmlns=\"urn:xmpp:pie:0\">")
                .contains("<query xmlns=\"jabber:iq:roster\">").contains("ask=\"subscribe\"")
                .contains("approved=\"true\"");
        ContactFile read = ContactsXml.read("c.xml", new StringReader(out.toString()), Set.of("localhost"));
        assertThat(read.problems()).isEmpty();
        // A roster is a set: XEP-0227 lists the requests after the roster items.
        assertThat(read.users()).hasSize(2);
        assertThat(read.users().get(0).items()).containsExactlyInAnyOrderElementsOf(sample().get(0).items());
        assertThat(read.users().get(1)).isEqualTo(sample().get(1));
    }

    @Test
    void badCsvRowsAreReportedByLineAndTheirUserIsLeftOut() {
        String csv = String.join("\n",
                String.join(",", ContactsCsv.HEADER),
                "alice,bob@localhost,Bob,,both,,false,false,true",
                "bob,alice@localhost,\"Alice\nwith a newline\",,both,,false,false,true",
                "bob,not a jid@@,x,,both,,false,false,true",
                "carol,dave@localhost,,,sometimes,,false,false,true",
                "carol,erin@localhost,,,none,,maybe,false,true",
                "a b,x@localhost,,,none,,false,false,true",
                "alice,frank@localhost/phone,,,none,,false,false,true",
                "dave,x@localhost,,,both",
                "erin,x@localhost,,,both,,false,false,true",
                "erin,x@localhost,,,none,,false,false,true",
                "gina,y@localhost,,,both,,false,false,true");
        ContactFile read = ContactsCsv.read("in.csv", new StringReader(csv));
        assertThat(read.problems()).extracting(ImportProblem::line)
                .containsExactly(5, 6, 7, 8, 9, 10, 12);
        assertThat(read.problems().get(0).toString()).startsWith("in.csv:5: bob: not a valid JID");
        assertThat(read.problems().get(1).message()).contains("subscription");
        assertThat(read.failedUsers()).containsExactlyInAnyOrder("bob", "carol", "a b", "alice", "dave", "erin");
        assertThat(read.users()).extracting(UserContacts::user).containsExactly("gina");
    }

    @Test
    void aWrongHeaderOrAnUnclosedQuoteImportsNothing() {
        assertThat(ContactsCsv.read("h.csv", new StringReader("who,what\nalice,bob@localhost\n")).problems())
                .singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
        String csv = String.join(",", ContactsCsv.HEADER) + "\nalice,bob@localhost,\"Bob,,both,,false,false,true\n"
                + "zed,y@localhost,,,both,,false,false,true\n";
        ContactFile read = ContactsCsv.read("q.csv", new StringReader(csv));
        assertThat(read.users()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("never closed");
        });
    }

    @Test
    void badXmlItemsAreReportedByLine() {
        String xml = """
                <?xml version='1.0'?>
                <server-data xmlns='urn:xmpp:pie:0'>
                  <host jid='localhost'>
                    <user name='alice'>
                      <query xmlns='jabber:iq:roster'>
                        <item jid='bob@localhost' subscription='both'><group>G</group></item>
                        <item jid='@@' subscription='both'/>
                      </query>
                    </user>
                    <user name='bob'>
                      <query xmlns='jabber:iq:roster'><item jid='alice@localhost' subscription='both'/></query>
                      <vCard xmlns='vcard-temp'><FN>Bob</FN></vCard>
                    </user>
                  </host>
                  <host jid='elsewhere.example'>
                    <user name='carol'/>
                  </host>
                </server-data>
                """;
        ContactFile read = ContactsXml.read("x.xml", new StringReader(xml), Set.of("localhost"));
        assertThat(read.problems()).extracting(ImportProblem::line, ImportProblem::user)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7, "alice"),
                        org.assertj.core.groups.Tuple.tuple(15, "carol"));
        assertThat(read.users()).extracting(UserContacts::user).containsExactly("bob");

        ContactFile broken = ContactsXml.read("b.xml", new StringReader("<server-data xmlns='urn:xmpp:pie:0'>\n<host>"),
                Set.of("localhost"));
        assertThat(broken.users()).isEmpty();
        assertThat(broken.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("malformed"));
    }
}
