package org.parley.server.muc;

import java.util.List;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * Stanzas to the service itself: disco#info, disco#items (the public rooms, XEP-0045 §6.3) and
 * room search (XEP-0055 with a data form: the field {@code search} matches a substring of a
 * public room's address, name or description, case-insensitively).
 *
 * <p>Both lists page with RSM (XEP-0059), sorted by room address; without a {@code <set/>} at most
 * {@link #MAX_PAGE} rooms come back, with a {@code <set/>} saying how many there are in all. A
 * disco#items query on the node {@code x-roomsearch:<text>} lists only the rooms the search form
 * would find for {@code <text>}: no XEP defines a filter on disco#items, and a node is what every
 * client can already send (see the package documentation).
 */
final class ServiceIq {

    static final String SEARCH_FIELD = "search";
    /** The disco#items node prefix that filters the room list: {@code x-roomsearch:} followed by the text. */
    static final String SEARCH_NODE = "x-roomsearch:";
    /** The most rooms one answer lists (about 100 bytes each): RSM pages through the rest. */
    static final int MAX_PAGE = 500;

    private final MucService service;

    ServiceIq(MucService service) {
        this.service = service;
    }

    void handle(Stanza stanza) {
        if (!stanza.isIqRequest()) {
            if (stanza.isMessage() && !stanza.isError()) {
                throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, "Send messages to a room");
            }
            return;
        }
        List<Element> payload = stanza.element().elements();
        if (payload.size() != 1) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An iq request needs exactly one child element");
        }
        Element query = payload.get(0);
        boolean get = "get".equals(stanza.type());
        switch (query.namespace()) {
            case Namespaces.DISCO_INFO -> {
                requireGet(get);
                if (query.attribute("node") != null) {
                    throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "no such node");
                }
                service.send(Stanzas.result(stanza, info()));
            }
            case Namespaces.DISCO_ITEMS -> {
                requireGet(get);
                service.send(Stanzas.result(stanza, items(query)));
            }
            case MucNamespaces.SEARCH -> service.send(Stanzas.result(stanza, get ? searchForm() : search(query)));
            default -> throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
    }

    private static void requireGet(boolean get) {
        if (!get) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "disco queries are iq get");
        }
    }

    private static Element info() {
        Element.Builder q = Element.builder("query", Namespaces.DISCO_INFO)
                .child(Element.builder("identity", Namespaces.DISCO_INFO).attribute("category", "conference")
                        .attribute("type", "text").attribute("name", "Chat rooms").build());
        for (String f : List.of(MucNamespaces.MUC, Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS, MucNamespaces.SEARCH,
                MucNamespaces.CONFERENCE, MucNamespaces.RSM)) {
            q.child(Element.builder("feature", Namespaces.DISCO_INFO).attribute("var", f).build());
        }
        return q.build();
    }

    /** §6.3: the public rooms, or those the node's text finds, one RSM page of them. */
    private Element items(Element query) {
        String node = query.attribute("node");
        if (node != null && !node.startsWith(SEARCH_NODE)) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "no such node");
        }
        String text = node == null ? "" : node.substring(SEARCH_NODE.length());
        Element set = query.child("set", MucNamespaces.RSM).orElse(null);
        ResultSet.Page<RoomListing> page = ResultSet.parse(set, MAX_PAGE)
                .select(RoomDirectory.find(service.rooms(), text), RoomListing::jid);
        Element.Builder q = Element.builder("query", Namespaces.DISCO_ITEMS).attribute("node", node);
        for (RoomListing r : page.items()) {
            q.child(Element.builder("item", Namespaces.DISCO_ITEMS).attribute("jid", r.jid())
                    .attribute("name", r.displayName()).build());
        }
        if (set != null || page.items().size() < page.count()) {
            q.child(ResultSet.answer(page, RoomListing::jid));
        }
        return q.build();
    }

    private static Element searchForm() {
        return Element.builder("query", MucNamespaces.SEARCH)
                .textChild("instructions", "Find public rooms by a word of their name or description")
                .child(new DataForm.Builder("form", MucNamespaces.SEARCH, "Room search")
                        .field(SEARCH_FIELD, "text-single", "Name or description contains", (String) null)
                        .build())
                .build();
    }

    private Element search(Element query) {
        Element x = query.child("x", Namespaces.DATA_FORMS).orElse(null);
        if (x == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Room search takes a data form");
        }
        DataForm form = DataForm.parse(x);
        if (!"submit".equals(form.type())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Expected a form of type submit");
        }
        Element set = query.child("set", MucNamespaces.RSM).orElse(null);
        ResultSet.Page<RoomListing> page = ResultSet.parse(set, MAX_PAGE)
                .select(RoomDirectory.find(service.rooms(), form.text(SEARCH_FIELD)), RoomListing::jid);
        Element.Builder q = Element.builder("query", MucNamespaces.SEARCH).child(searchResult(page.items()));
        if (set != null || page.items().size() < page.count()) {
            q.child(ResultSet.answer(page, RoomListing::jid));
        }
        return q.build();
    }

    private static Element searchResult(List<RoomListing> rooms) {
        Element.Builder reported = Element.builder("reported", Namespaces.DATA_FORMS);
        for (String[] f : new String[][] {{"jid", "Room", "jid-single"}, {"name", "Name", "text-single"},
                {"description", "Description", "text-single"}, {"occupants", "Occupants", "text-single"}}) {
            reported.child(Element.builder("field", Namespaces.DATA_FORMS)
                    .attribute("var", f[0]).attribute("label", f[1]).attribute("type", f[2]).build());
        }
        DataForm.Builder x = new DataForm.Builder("result", MucNamespaces.SEARCH, null).child(reported.build());
        for (RoomListing r : rooms) {
            x.child(Element.builder("item", Namespaces.DATA_FORMS)
                    .child(value("jid", r.jid()))
                    .child(value("name", r.title()))
                    .child(value("description", r.description()))
                    .child(value("occupants", Integer.toString(r.occupants())))
                    .build());
        }
        return x.build();
    }

    private static Element value(String var, String v) {
        return Element.builder("field", Namespaces.DATA_FORMS).attribute("var", var)
                .child(Element.builder("value", Namespaces.DATA_FORMS).text(v).build()).build();
    }
}
