package org.parley.server.muc;

import java.util.ArrayList;
import java.util.List;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/** disco#info of a room (XEP-0045 §6.4): its identity, features and the muc#roominfo form. */
final class RoomDisco {

    private final ArchivePolicy archive;

    RoomDisco(ArchivePolicy archive) {
        this.archive = archive;
    }

    void info(Room room, Stanza iq, Element query) {
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

    /** Occupants are not listed: in a semi-anonymous room that would leak who is there to outsiders. */
    void items(Room room, Stanza iq, Element query) {
        checkGet(iq, query);
        room.host().send(Stanzas.result(iq, Element.of("query", Namespaces.DISCO_ITEMS)));
    }

    List<String> features(Room room) {
        RoomConfig c = room.config;
        List<String> f = new ArrayList<>(List.of(MucNamespaces.MUC, Namespaces.DISCO_INFO, MucNamespaces.STANZA_ID,
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
