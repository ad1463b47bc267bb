package org.parley.server.muc;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.parley.server.config.ConfigException;
import org.parley.server.muc.admin.MemberJids;
import org.parley.server.muc.admin.RoomAdminException;

/**
 * Who may make a room persistent (muc.persistentRoomCreators): everyone; listed (the users in
 * muc.creators); or admins, meaning nobody over XMPP — only the admin API and CLI, which do not
 * ask this policy. Anyone may create ad hoc rooms.
 */
final class CreatorPolicy {

    private final String mode;
    private final Set<BareJid> listed = new HashSet<>();

    CreatorPolicy(String mode, String creators, DomainBareJid domain) {
        this.mode = mode.trim().toLowerCase(Locale.ROOT);
        if (!Set.of("everyone", "listed", "admins").contains(this.mode)) {
            throw new ConfigException("muc.persistentRoomCreators must be everyone, listed or admins, not " + mode);
        }
        for (String name : creators.split(",")) {
            if (!name.isBlank()) {
                try {
                    listed.add(MemberJids.parse(name, domain));
                } catch (RoomAdminException e) {
                    throw new ConfigException("muc.creators: " + e.getMessage());
                }
            }
        }
    }

    boolean mayCreatePersistent(BareJid user) {
        return switch (mode) {
            case "everyone" -> true;
            case "listed" -> listed.contains(user);
            default -> false;
        };
    }
}
