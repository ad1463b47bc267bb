package org.parley.server.richpresence;

import org.jxmpp.jid.EntityBareJid;
import org.parley.server.presence.Availability;
import org.parley.server.presence.Show;

/**
 * What the Presence Web Service says of a user in one line: the composed show
 * (available, chat, away, xa, dnd or unavailable) and status text.
 */
public record Headline(EntityBareJid jid, String show, String status) {

    public static final String UNAVAILABLE = "unavailable";

    static Headline of(EntityBareJid jid, Availability composed) {
        return new Headline(jid, showName(composed.show()), composed.status());
    }

    static Headline unavailable(EntityBareJid jid, String status) {
        return new Headline(jid, UNAVAILABLE, status);
    }

    /** The REST name of a show: its XML value, or "available" for plain availability. */
    public static String showName(Show show) {
        return show.xmlValue() == null ? "available" : show.xmlValue();
    }
}
