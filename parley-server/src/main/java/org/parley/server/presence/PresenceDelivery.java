package org.parley.server.presence;

import java.util.Collection;
import org.parley.server.core.Domains;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.parley.server.core.Resource;
import org.parley.server.core.Router;
import org.parley.server.core.UserHub;
import org.parley.server.core.UserHubs;
import org.parley.xml.Stanza;

/**
 * Hands presence the server generates to local sessions. Stanzas for another user go through the
 * router's interceptors ({@link Router#deliverIntercepted}), so blocking and privacy apply to
 * broadcasts as to anything routed; the contact's resources are read on the contact's hub
 * executor. Nothing here blocks. Contacts on other domains are skipped: there is no federation
 * yet (F11), and bouncing every broadcast would only produce errors.
 */
final class PresenceDelivery {

    private final Domains domains;
    private final UserHubs hubs;
    private final Router router;

    PresenceDelivery(Domains domains, UserHubs hubs, Router router) {
        this.domains = domains;
        this.hubs = hubs;
        this.router = router;
    }

    /** The local account a JID belongs to, or null for the domain itself, components and remote JIDs. */
    EntityBareJid localUser(Jid jid) {
        if (jid == null || !jid.hasLocalpart() || !domains.isLocal(jid.asDomainBareJid())) {
            return null;
        }
        return jid.asEntityBareJidIfPossible();
    }

    Router router() {
        return router;
    }

    /** Sends each presence (from set, 'to' replaced) to every available resource of a contact, if online here. */
    void toContact(Jid contact, Collection<Stanza> presences) {
        EntityBareJid user = localUser(contact);
        UserHub hub = user == null ? null : hubs.hub(user);
        if (hub == null || presences.isEmpty()) {
            return;
        }
        hub.executor().execute(() -> {
            for (Resource r : hub.availableResources()) {
                for (Stanza p : presences) {
                    router.deliverIntercepted(p.withTo(r.session().jid()));
                }
            }
        });
    }

    /** Sends one presence to one full JID through the interceptors. */
    void toFullJid(Jid fullJid, Stanza presence) {
        router.deliverIntercepted(presence.withTo(fullJid));
    }

    /**
     * Hands a stanza already past the interceptors to a local user's resources: the available
     * ones, plus (when {@code interested}) those that asked for the roster (RFC 6121 §3.1.6).
     */
    void toUser(EntityBareJid user, Stanza stanza, boolean interested) {
        UserHub hub = hubs.hub(user);
        if (hub == null) {
            return;
        }
        hub.executor().execute(() -> {
            for (Resource r : hub.resources()) {
                if (r.isAvailable() || (interested && r.rosterRequested())) {
                    r.session().deliver(stanza);
                }
            }
        });
    }

    /** On the hub executor: a stanza to each of the user's own available resources (no interceptors: it is the user's own). */
    static void toOwnResources(UserHub hub, Stanza stanza) {
        for (Resource r : hub.availableResources()) {
            r.session().deliver(stanza);
        }
    }
}
