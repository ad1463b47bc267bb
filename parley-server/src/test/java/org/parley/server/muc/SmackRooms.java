package org.parley.server.muc;

import java.util.List;
import org.jivesoftware.smack.SASLAuthentication;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.message.MessageModule;
import org.parley.server.presence.PresenceModule;
import org.parley.server.roster.RosterModule;
import org.parley.server.testing.TestServer;

/** What the Smack MUC tests share: a server with the modules rooms need, and room and nick addresses. */
final class SmackRooms {

    private SmackRooms() {
    }

    /** Roster, presence, messages and rooms, with {@code settings} ("key=value"). */
    static TestServer server(String... settings) {
        // Smack would pick SCRAM-SHA-1-PLUS, whose channel binding these tests do not exercise.
        SASLAuthentication.blacklistSASLMechanism("SCRAM-SHA-1-PLUS");
        RosterModule roster = new RosterModule();
        TestServer.Builder builder = TestServer.builder().modules(List.of(roster, new PresenceModule(roster),
                new MessageModule(), new MucModule()));
        for (String s : settings) {
            builder.set(s);
        }
        return builder.start();
    }

    static EntityBareJid room(String name) throws Exception {
        return JidCreate.entityBareFrom(name + "@conference.localhost");
    }

    static Resourcepart nick(String n) throws Exception {
        return Resourcepart.from(n);
    }
}
