package org.parley.server.muc;

import java.util.ArrayList;
import java.util.List;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * XEP-0045 §10.2.1: after a configuration change, occupants get a message from the room with
 * status codes saying what changed in the room's privacy — 170/171 logging now on/off, 172/173
 * now non-anonymous/semi-anonymous (rooms here are never fully anonymous, so never 174) — and
 * 104 for any other change, so clients can fetch the new configuration. No change, no message.
 */
final class ConfigChangeNotice {

    /** The status codes for going from {@code before} to {@code after}; {@code listsChanged}: owners or admins changed. */
    static List<Integer> codes(RoomConfig before, RoomConfig after, boolean listsChanged) {
        List<Integer> codes = new ArrayList<>();
        boolean loggedBefore = logged(before);
        boolean loggedAfter = logged(after);
        if (loggedBefore != loggedAfter) {
            codes.add(loggedAfter ? 170 : 171);
        }
        if (before.nonAnonymous() != after.nonAnonymous()) {
            codes.add(after.nonAnonymous() ? 172 : 173);
        }
        if (listsChanged || !withoutPrivacy(before).equals(withoutPrivacy(after))) {
            codes.add(104);
        }
        return codes;
    }

    void send(Room room, RoomConfig before, RoomConfig after, boolean listsChanged) {
        List<Integer> codes = codes(before, after, listsChanged);
        if (codes.isEmpty()) {
            return;
        }
        Element.Builder x = Element.builder("x", MucNamespaces.MUC_USER);
        for (int code : codes) {
            x.child(Element.builder("status", MucNamespaces.MUC_USER).attribute("code", Integer.toString(code)).build());
        }
        Stanza notice = Stanza.of(Element.builder("message", Namespaces.CLIENT)
                .attribute("type", "groupchat")
                .attribute("from", room.jid().toString())
                .attribute("id", java.util.UUID.randomUUID().toString())
                .child(x.build())
                .build());
        for (Occupant o : room.occupants.all()) {
            room.deliver(o, notice);
        }
    }

    /** Whether the room keeps a transcript others may read later: what 170/171 announce. */
    private static boolean logged(RoomConfig c) {
        return c.persistent() && c.archive();
    }

    /** The configuration with the fields 170–173 report set to fixed values, to see what else changed. */
    private static RoomConfig withoutPrivacy(RoomConfig c) {
        RoomConfig.Builder b = c.toBuilder();
        b.nonAnonymous = false;
        b.archive = false;
        // persistence is both a logging and a lifetime matter: a change of it alone still gets 104.
        return b.build();
    }
}
