package org.parley.server.richpresence;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.adhoc.AdHocModule;
import org.parley.server.disco.DiscoModule;
import org.parley.server.presence.PresenceModule;
import org.parley.server.richpresence.calendar.CalendarSource;
import org.parley.server.roster.RosterModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/** A harnessed core with roster, presence, ad-hoc and rich presence, and the protocol steps the tests share. */
final class RichPresenceFixture implements AutoCloseable {

    final CoreHarness harness;
    final RichPresenceModule rich;
    final AdHocModule adHoc;

    RichPresenceFixture(List<String> overrides, Clock clock, CalendarSource calendar) {
        RosterModule roster = new RosterModule();
        PresenceModule presence = new PresenceModule(roster);
        adHoc = new AdHocModule();
        rich = new RichPresenceModule(presence, adHoc, clock, calendar);
        harness = CoreHarness.start(overrides, roster, presence, adHoc, rich, new DiscoModule());
    }

    RichPresenceFixture(String... overrides) {
        this(List.of(overrides), null, null);
    }

    RichPresence service() {
        return rich.service();
    }

    static EntityBareJid jid(String user) {
        return JidCreate.entityBareFromOrThrowUnchecked(user + "@localhost");
    }

    /** Signs in (roster + initial presence) and returns the session. */
    TestSession signIn(String user, String resource, String presenceXml) {
        return signIn(harness, user, resource, presenceXml);
    }

    static TestSession signIn(CoreHarness harness, String user, String resource, String presenceXml) {
        TestSession s = harness.connect(user, resource);
        s.send("<iq type='get' id='r'><query xmlns='jabber:iq:roster'/></iq>");
        s.expect(r -> r.isIq() && "r".equals(r.id()));
        s.send(presenceXml);
        s.expect(p -> p.isPresence() && p.type() == null && s.jid().equals(p.from()));
        return s;
    }

    /** {@code watcher} subscribes to {@code user}'s presence and {@code user} approves. */
    static void subscribe(TestSession watcher, TestSession user) {
        String userBare = user.jid().asBareJid().toString();
        String watcherBare = watcher.jid().asBareJid().toString();
        watcher.send("<presence type='subscribe' to='" + userBare + "'/>");
        user.expect(p -> p.isPresence() && "subscribe".equals(p.type()));
        user.send("<presence type='subscribed' to='" + watcherBare + "'/>");
        watcher.expect(p -> p.isPresence() && "subscribed".equals(p.type()));
    }

    /** An available presence from {@code from} (full JID) with this show (null: plain available) and status. */
    static Predicate<Stanza> shows(String from, String show, String status) {
        return p -> p.isPresence() && p.type() == null && p.from() != null && p.from().toString().equals(from)
                && Objects.equals(show, p.element().childText("show", Namespaces.CLIENT))
                && Objects.equals(status, p.element().childText("status", Namespaces.CLIENT));
    }

    static Predicate<Stanza> anyPresenceFrom(String bare) {
        return p -> p.isPresence() && p.from() != null && p.from().asBareJid().toString().equals(bare);
    }

    @Override
    public void close() {
        harness.close();
    }
}
