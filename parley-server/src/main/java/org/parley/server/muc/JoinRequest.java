package org.parley.server.muc;

import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.xml.Element;
import org.parley.xml.Stanza;

/**
 * Someone asking to enter a room: the join presence, who sent it, the nickname, the sender's
 * affiliation and the {@code <x xmlns='http://jabber.org/protocol/muc'/>} it carried (or null).
 */
record JoinRequest(Stanza presence, EntityFullJid realJid, Resourcepart nick, Affiliation affiliation, Element muc) {

    String password() {
        return muc == null ? null : muc.childText("password", MucNamespaces.MUC);
    }

    Element historyRequest() {
        return muc == null ? null : muc.child("history", MucNamespaces.MUC).orElse(null);
    }
}
