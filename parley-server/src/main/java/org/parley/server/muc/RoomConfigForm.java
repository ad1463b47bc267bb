package org.parley.server.muc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.StanzaErrorCondition;

/**
 * The room configuration form (XEP-0045 §10.2, FORM_TYPE muc#roomconfig): built from a room's
 * configuration and read back from a submission. A submission that is not a form, has another
 * FORM_TYPE or a malformed value is refused with bad-request naming the field; nothing changes.
 */
final class RoomConfigForm {

    static final String PREFIX = "muc#roomconfig_";

    /** What a submission asks for; the owner and admin lists are null when the form left them out. */
    record Submission(RoomConfig config, List<BareJid> owners, List<BareJid> admins) {
    }

    Element build(Room room) {
        RoomConfig c = room.config;
        int max = room.host().settings().maxOccupants();
        List<String> sizes = new ArrayList<>();
        for (int n : new int[] {10, 20, 30, 50, 100, 200, 500, 1000, 5000}) {
            if (n < max) {
                sizes.add(Integer.toString(n));
            }
        }
        sizes.add(Integer.toString(max));
        Map<BareJid, Affiliation> affs = room.affiliations.snapshot();
        return new DataForm.Builder("form", MucNamespaces.ROOMCONFIG, "Configuration of " + room.jid())
                .field(PREFIX + "roomname", "text-single", "Name", c.name())
                .field(PREFIX + "roomdesc", "text-single", "Description (shown in room search)", c.description())
                .bool(PREFIX + "persistentroom", "Persistent: stays when the last occupant leaves", c.persistent())
                .bool(PREFIX + "publicroom", "Listed in the room directory and search", c.publicRoom())
                .bool(PREFIX + "membersonly", "Members only", c.membersOnly())
                .bool(PREFIX + "moderatedroom", "Moderated: only participants with voice speak", c.moderated())
                .bool(PREFIX + "passwordprotectedroom", "Password protected", c.passwordProtected())
                .field(PREFIX + "roomsecret", "text-private", "Password", c.password())
                .field(PREFIX + "maxusers", "list-single", "Most occupants",
                        List.of(Integer.toString(c.maxUsers() > 0 ? c.maxUsers() : max)), sizes)
                .field(PREFIX + "whois", "list-single", "Who may see real JIDs",
                        List.of(c.nonAnonymous() ? "anyone" : "moderators"), List.of("moderators", "anyone"))
                .bool(PREFIX + "changesubject", "Participants may change the subject", c.changeSubject())
                .bool(PREFIX + "allowinvites", "Participants may invite (and so grant membership)", c.allowInvites())
                .field(PREFIX + "allowpm", "list-single", "Who may send private messages",
                        List.of(c.allowPm()), RoomConfig.PM_OPTIONS)
                .bool(PREFIX + "enablelogging", "Keep a searchable archive (persistent rooms)", c.archive())
                .field(PREFIX + "roomowners", "jid-multi", "Owners", jids(affs, Affiliation.OWNER), List.of())
                .field(PREFIX + "roomadmins", "jid-multi", "Admins", jids(affs, Affiliation.ADMIN), List.of())
                .build();
    }

    Submission read(Room room, Element x) {
        DataForm form = DataForm.parse(x);
        if (!"submit".equals(form.type())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Expected a form of type submit");
        }
        if (form.formType() != null && !MucNamespaces.ROOMCONFIG.equals(form.formType())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "FORM_TYPE must be " + MucNamespaces.ROOMCONFIG);
        }
        RoomConfig.Builder b = room.config.toBuilder();
        String name = form.text(PREFIX + "roomname");
        b.name = name != null ? name : form.has(PREFIX + "roomname") ? "" : b.name;
        String desc = form.text(PREFIX + "roomdesc");
        b.description = desc != null ? desc : form.has(PREFIX + "roomdesc") ? "" : b.description;
        b.persistent = form.bool(PREFIX + "persistentroom", b.persistent);
        b.publicRoom = form.bool(PREFIX + "publicroom", b.publicRoom);
        b.membersOnly = form.bool(PREFIX + "membersonly", b.membersOnly);
        b.moderated = form.bool(PREFIX + "moderatedroom", b.moderated);
        b.passwordProtected = form.bool(PREFIX + "passwordprotectedroom", b.passwordProtected);
        if (form.has(PREFIX + "roomsecret")) {
            String secret = form.text(PREFIX + "roomsecret");
            b.password = secret == null ? "" : secret;
        }
        if (b.passwordProtected && b.password.isEmpty()) {
            throw DataForm.invalid(PREFIX + "roomsecret", "must be set for a password-protected room");
        }
        String maxUsers = form.text(PREFIX + "maxusers");
        if (maxUsers != null && !maxUsers.equals("none")) {
            b.maxUsers = form.number(PREFIX + "maxusers", b.maxUsers, 1, room.host().settings().maxOccupants());
        }
        b.nonAnonymous = "anyone".equals(form.option(PREFIX + "whois", b.nonAnonymous ? "anyone" : "moderators",
                List.of("moderators", "anyone")));
        b.changeSubject = form.bool(PREFIX + "changesubject", b.changeSubject);
        b.allowInvites = form.bool(PREFIX + "allowinvites", b.allowInvites);
        b.allowPm = form.option(PREFIX + "allowpm", b.allowPm, RoomConfig.PM_OPTIONS);
        b.archive = form.bool(PREFIX + "enablelogging", b.archive);
        List<BareJid> owners = form.has(PREFIX + "roomowners") ? bareJids(form, PREFIX + "roomowners") : null;
        if (owners != null && owners.isEmpty()) {
            throw DataForm.invalid(PREFIX + "roomowners", "must name at least one owner");
        }
        List<BareJid> admins = form.has(PREFIX + "roomadmins") ? bareJids(form, PREFIX + "roomadmins") : null;
        if (owners != null && admins != null) {
            for (BareJid jid : admins) {
                if (owners.contains(jid)) {
                    throw DataForm.invalid(PREFIX + "roomadmins", "names " + jid + ", who is also listed as an owner");
                }
            }
        }
        return new Submission(b.build(), owners, admins);
    }

    private static List<BareJid> bareJids(DataForm form, String var) {
        List<BareJid> out = new ArrayList<>();
        for (String v : form.values(var)) {
            if (v == null || v.isBlank()) {
                continue;
            }
            try {
                out.add(JidCreate.from(v.trim()).asBareJid());
            } catch (XmppStringprepException | IllegalArgumentException e) {
                throw DataForm.invalid(var, "holds something that is not a JID: '" + v + "'");
            }
        }
        return out;
    }

    private static List<String> jids(Map<BareJid, Affiliation> affs, Affiliation which) {
        return affs.entrySet().stream().filter(e -> e.getValue() == which).map(e -> e.getKey().toString()).sorted().toList();
    }
}
