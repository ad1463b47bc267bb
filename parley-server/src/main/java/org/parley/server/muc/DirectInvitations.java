package org.parley.server.muc;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.core.Interceptor;
import org.parley.server.core.Target;
import org.parley.xml.Element;
import org.parley.xml.Stanza;

/**
 * Direct invitations (XEP-0249) go from user to user, not through the room, so the room would
 * never learn of them. This interceptor notices an invitation to one of this service's rooms and
 * tells the room, which makes the invitee a member of a members-only room when the inviter may
 * invite — the same rule as for mediated invitations. The message itself always goes on.
 */
final class DirectInvitations implements Interceptor {

    private final MucService service;
    private final InvitationPolicy policy;

    DirectInvitations(MucService service, InvitationPolicy policy) {
        this.service = service;
        this.policy = policy;
    }

    @Override
    public Decision onSent(Stanza stanza, Target target) {
        if (!stanza.isMessage() || stanza.isError() || stanza.to() == null
                || (target != Target.LOCAL_BARE && target != Target.LOCAL_FULL)) {
            return Decision.CONTINUE;
        }
        Element x = stanza.element().child("x", MucNamespaces.CONFERENCE).orElse(null);
        Jid roomJid = x == null ? null : jid(x.attribute("jid"));
        if (roomJid == null || !roomJid.asDomainBareJid().equals(service.serviceJid()) || !roomJid.hasLocalpart()) {
            return Decision.CONTINUE;
        }
        Room room = service.room(roomJid.getLocalpartOrNull().toString());
        if (room != null) {
            Jid inviter = stanza.from();
            BareJid invitee = stanza.to().asBareJid();
            room.ask(r -> {
                Affiliation affiliation = r.affiliationOf(inviter);
                if (policy.mayInvite(r, affiliation, r.occupants.byRealJid(inviter))) {
                    policy.grantMembership(r, invitee);
                }
                return null;
            });
        }
        return Decision.CONTINUE;
    }

    private static Jid jid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return JidCreate.from(value);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return null;
        }
    }
}
