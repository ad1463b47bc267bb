package org.parley.server.message;

import org.jxmpp.jid.Jid;
import org.parley.server.core.Interceptor;
import org.parley.server.core.Target;
import org.parley.server.core.UserHub;
import org.parley.server.core.UserHubs;
import org.parley.xml.Stanza;

/**
 * Sees the chats a user sends: a chat with a body from resource R to peer P is "the contact
 * replies from one" resource, which locks P's later chats to R (see {@link Forking}). The lock is
 * recorded on the sender's hub executor; because it is queued there before the reply is even
 * routed, the peer's next message (which can only follow the reply) always sees it.
 */
final class ReplyTracker implements Interceptor {

    private final UserHubs hubs;
    private final Forking forking;

    ReplyTracker(UserHubs hubs, Forking forking) {
        this.hubs = hubs;
        this.forking = forking;
    }

    @Override
    public Decision onSent(Stanza stanza, Target target) {
        if (stanza.isMessage() && MessageType.of(stanza) == MessageType.CHAT && MessageHints.hasBody(stanza)
                && target != Target.SELF && target != Target.SERVER) {
            Jid from = stanza.from();
            Jid to = stanza.to();
            if (from.hasResource() && !to.asBareJid().equals(from.asBareJid())) {
                UserHub hub = hubs.hub(from.asEntityBareJidIfPossible());
                if (hub != null) {
                    hub.executor().execute(() -> forking.replied(hub, from.getResourceOrNull(), to.asBareJid()));
                }
            }
        }
        return Decision.CONTINUE;
    }
}
