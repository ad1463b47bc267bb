package org.parley.server.muc.admin;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** Reads the users administrators name: a bare username means a user of the server's own domain. */
public final class MemberJids {

    private MemberJids() {
    }

    public static BareJid parse(String value, DomainBareJid domain) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new RoomAdminException(RoomAdminException.Reason.INVALID, "An empty user name");
        }
        try {
            BareJid jid = JidCreate.from(v.contains("@") ? v : v + "@" + domain).asBareJid();
            if (!jid.hasLocalpart()) {
                throw new RoomAdminException(RoomAdminException.Reason.INVALID, "Not a user: " + value);
            }
            return jid;
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new RoomAdminException(RoomAdminException.Reason.INVALID, "Not a valid user or JID: " + value);
        }
    }
}
