package org.parley.server.muc;

import java.util.ArrayList;
import java.util.List;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * disco#info of a room (XEP-0045 §6.4): its identity, features and the muc#roominfo form; and the
 * asker's registered nickname on the node {@code x-roomuser-item} (§7.11).
 */
final class RoomDisco {

    private final ArchivePolicy archive;

    RoomDisco(ArchivePolicy archive) {
        this.archive = archive;
    }

    void info(Room room, Stanza iq, Element query) {
        if (MucNamespaces.ROOMUSER_NODE.equals(query.attribute("node")) && "get".equals(iq.type())) {
            reservedNick(room, iq);
            return;
        }
        checkGet(iq, query);
        RoomConfig c = room.config;
        Element.Builder result = Element.builder("query", Namespaces.DISCO_INFO)
                .child(Element.builder("identity", Namespaces.DISCO_INFO)
                        .attribute("category", "conference").attribute("type", "text")
                        .attribute("name", c.name().isEmpty() ? room.name() : c.name()).build());
        for (String feature : features(room)) {
            result.child(Element.builder("feature", Namespaces.DISCO_INFO).attribute("var", feature).build());
        }
        result.child(new DataForm.Builder("result", MucNamespaces.ROOMINFO, null)
                .field("muc#roominfo_description", "text-single", "Description", c.description())
                .field("muc#roominfo_subject", "text-single", "Subject", room.subject == null ? "" : room.subject)
                .field("muc#roominfo_occupants", "text-single", "Number of occupants",
                        Integer.toString(room.occupants.size()))
                .bool("muc#roominfo_subjectmod", "Occupants may change the subject", c.changeSubject())
                .field("muc#roomconfig_roomname", "text-single", "Name", c.name())
                .field("muc#maxhistoryfetch", "text-single", "Messages of history on entry",
                        Integer.toString(room.host().settings().historyMessages()))
                .field("muc#roomconfig_allowinvites", "boolean", "Occupants may invite", c.allowInvites() ? "1" : "0")
                .build());
        room.host().send(Stanzas.result(iq, result.build()));
    }

    /** §7.11: the nickname as an identity's name, or an empty query when the asker registered none. */
    private static void reservedNick(Room room, Stanza iq) {
        Element.Builder q = Element.builder("query", Namespaces.DISCO_INFO).attribute("node", MucNamespaces.ROOMUSER_NODE);
        org.jxmpp.jid.parts.Resourcepart nick = room.affiliations.reservedNick(iq.from().asBareJid());
        if (nick != null) {
            q.child(Element.builder("identity", Namespaces.DISCO_INFO).attribute("category", "conference")
                    .attribute("type", "text").attribute("name", nick.toString()).build());
        }
        room.host().send(Stanzas.result(iq, q.build()));
    }

    /** Occupants are not listed: in a semi-anonymous room that would leak who is there to outsiders. */
    void items(Room room, Stanza iq, Element query) {
        checkGet(iq, query);
        room.host().send(Stanzas.result(iq, Element.of("query", Namespaces.DISCO_ITEMS)));
    }

    List<String> features(Room room) {
        RoomConfig c = room.config;
        List<String> f = new ArrayList<>(List.of(MucNamespaces.MUC, Namespaces.DISCO_INFO, MucNamespaces.STANZA_ID,
                Namespaces.REGISTER,
                c.persistent() ? "muc_persistent" : "muc_temporary",
                c.publicRoom() ? "muc_public" : "muc_hidden",
                c.membersOnly() ? "muc_membersonly" : "muc_open",
                c.moderated() ? "muc_moderated" : "muc_unmoderated",
                c.passwordProtected() ? "muc_passwordprotected" : "muc_unsecured",
                c.nonAnonymous() ? "muc_nonanonymous" : "muc_semianonymous"));
        if (archive.archives(room)) {
            f.add(MucNamespaces.MAM);
        }
        return f;
    }

    private static void checkGet(Stanza iq, Element query) {
        if (!"get".equals(iq.type()) || !"query".equals(query.name())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "disco queries are iq get with <query/>");
        }
        if (query.attribute("node") != null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "no such node");
        }
    }
}
