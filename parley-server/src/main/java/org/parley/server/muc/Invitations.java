package org.parley.server.muc;

import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/**
 * Mediated invitations and declines (XEP-0045 §7.8.2, §7.8.3). The room forwards an invitation
 * from itself, naming the inviter, with the room password if there is one; in a members-only
 * room the invitee becomes a member. A decline goes back to the inviter.
 */
final class Invitations {

    private final InvitationPolicy policy;

    Invitations(InvitationPolicy policy) {
        this.policy = policy;
    }

    void handle(Room room, Stanza message, Occupant sender) {
        Element x = message.element().child("x", MucNamespaces.MUC_USER).orElseThrow();
        Element invite = x.child("invite", MucNamespaces.MUC_USER).orElse(null);
        Element decline = x.child("decline", MucNamespaces.MUC_USER).orElse(null);
        if (invite != null) {
            invite(room, message, sender, invite);
        } else if (decline != null) {
            decline(room, message, decline);
        } else {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Expected an invite or a decline");
        }
    }

    private void invite(Room room, Stanza message, Occupant sender, Element invite) {
        Affiliation affiliation = room.affiliationOf(message.from());
        policy.checkMayInvite(room, affiliation, sender);
        Jid invitee = jid(invite.attribute("to"));
        policy.grantMembership(room, invitee.asBareJid());
        Element.Builder forwarded = Element.builder("invite", MucNamespaces.MUC_USER)
                .attribute("from", message.from().toString());
        invite.child("reason", MucNamespaces.MUC_USER).ifPresent(forwarded::child);
        Element.Builder x = Element.builder("x", MucNamespaces.MUC_USER).child(forwarded.build());
        if (room.config.passwordProtected()) {
            x.child(Element.builder("password", MucNamespaces.MUC_USER).text(room.config.password()).build());
        }
        room.host().send(Stanza.of(Element.builder("message", Namespaces.CLIENT)
                .attribute("from", room.jid().toString())
                .attribute("to", invitee.toString())
                .attribute("id", message.id())
                .child(x.build())
                .build()));
    }

    private void decline(Room room, Stanza message, Element decline) {
        Jid inviter = jid(decline.attribute("to"));
        Element.Builder forwarded = Element.builder("decline", MucNamespaces.MUC_USER)
                .attribute("from", message.from().asBareJid().toString());
        decline.child("reason", MucNamespaces.MUC_USER).ifPresent(forwarded::child);
        room.host().send(Stanza.of(Element.builder("message", Namespaces.CLIENT)
                .attribute("from", room.jid().toString())
                .attribute("to", inviter.toString())
                .child(Element.builder("x", MucNamespaces.MUC_USER).child(forwarded.build()).build())
                .build()));
    }

    private static Jid jid(String value) {
        if (value == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "The invitation names nobody");
        }
        try {
            return JidCreate.from(value);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Not a JID: " + value);
        }
    }
}
