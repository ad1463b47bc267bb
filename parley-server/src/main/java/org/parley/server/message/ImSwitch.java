package org.parley.server.message;

import org.jxmpp.jid.Jid;
import org.parley.server.core.Interceptor;
import org.parley.server.core.Target;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * The seed's server-wide switch that turns chat off ({@code im.enabled: false}): chat and normal
 * messages from one user to another are refused with {@code service-unavailable} and a text
 * saying why. Headlines, errors, notes to oneself and messages to or from services (the server,
 * chat rooms) still flow, so the rest of the server keeps working.
 */
final class ImSwitch implements Interceptor {

    static final String TEXT = "Instant messaging is disabled on this server";

    @Override
    public Decision onSent(Stanza stanza, Target target) {
        if (!stanza.isMessage() || !betweenUsers(stanza, target)) {
            return Decision.CONTINUE;
        }
        MessageType type = MessageType.of(stanza);
        if (type != MessageType.CHAT && type != MessageType.NORMAL) {
            return Decision.CONTINUE;
        }
        return new Reply(Stanzas.error(stanza, StanzaErrorCondition.SERVICE_UNAVAILABLE, TEXT));
    }

    private static boolean betweenUsers(Stanza stanza, Target target) {
        Jid from = stanza.from();
        Jid to = stanza.to();
        boolean userTarget = target == Target.LOCAL_BARE || target == Target.LOCAL_FULL || target == Target.REMOTE;
        return userTarget && from != null && to != null && to.hasLocalpart()
                && !to.asBareJid().equals(from.asBareJid());
    }
}
