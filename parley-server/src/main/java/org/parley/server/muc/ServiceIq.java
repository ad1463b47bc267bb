package org.parley.server.muc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.muc.admin.RoomInfo;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * Stanzas to the service itself: disco#info, disco#items (the public rooms, XEP-0045 §6.3) and
 * room search (XEP-0055 with a data form: the field {@code search} matches a substring of a
 * public room's address, name or description, case-insensitively). Room state is read by asking
 * each room's actor, never by reaching into it.
 */
final class ServiceIq {

    static final String SEARCH_FIELD = "search";

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
                requireGet(get, query);
                service.send(Stanzas.result(stanza, info()));
            }
            case Namespaces.DISCO_ITEMS -> {
                requireGet(get, query);
                publicRooms("").thenAccept(found -> service.send(Stanzas.result(stanza, items(found))));
            }
            case MucNamespaces.SEARCH -> {
                if (get) {
                    service.send(Stanzas.result(stanza, searchForm()));
                } else {
                    String words = searchText(query);
                    publicRooms(words).thenAccept(found -> service.send(Stanzas.result(stanza, searchResult(found))));
                }
            }
            default -> throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
    }

    private static void requireGet(boolean get, Element query) {
        if (!get) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "disco queries are iq get");
        }
        if (query.attribute("node") != null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "no such node");
        }
    }

    private static Element info() {
        Element.Builder q = Element.builder("query", Namespaces.DISCO_INFO)
                .child(Element.builder("identity", Namespaces.DISCO_INFO).attribute("category", "conference")
                        .attribute("type", "text").attribute("name", "Chat rooms").build());
        for (String f : List.of(MucNamespaces.MUC, Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS, MucNamespaces.SEARCH,
                MucNamespaces.CONFERENCE)) {
            q.child(Element.builder("feature", Namespaces.DISCO_INFO).attribute("var", f).build());
        }
        return q.build();
    }

    /** Public, unlocked rooms whose address, name or description contains {@code text} (all when blank). */
    CompletableFuture<List<RoomInfo>> publicRooms(String text) {
        String needle = text.toLowerCase(Locale.ROOT).trim();
        List<CompletableFuture<RoomInfo>> asks = new ArrayList<>();
        for (Room room : service.rooms()) {
            asks.add(room.ask(r -> r.gone || r.locked || !r.config.publicRoom() ? null : r.info()));
        }
        return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(v -> asks.stream()
                .map(CompletableFuture::join)
                .filter(i -> i != null && matches(i, needle))
                .sorted(Comparator.comparing(RoomInfo::name))
                .toList());
    }

    private static boolean matches(RoomInfo room, String needle) {
        return needle.isEmpty() || room.name().toLowerCase(Locale.ROOT).contains(needle)
                || room.config().name().toLowerCase(Locale.ROOT).contains(needle)
                || room.config().description().toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Element items(List<RoomInfo> rooms) {
        Element.Builder q = Element.builder("query", Namespaces.DISCO_ITEMS);
        for (RoomInfo r : rooms) {
            q.child(Element.builder("item", Namespaces.DISCO_ITEMS).attribute("jid", r.jid())
                    .attribute("name", r.config().name().isEmpty() ? r.name() : r.config().name()).build());
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

    private static String searchText(Element query) {
        Element x = query.child("x", Namespaces.DATA_FORMS).orElse(null);
        if (x == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Room search takes a data form");
        }
        DataForm form = DataForm.parse(x);
        if (!"submit".equals(form.type())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Expected a form of type submit");
        }
        String text = form.text(SEARCH_FIELD);
        return text == null ? "" : text;
    }

    private static Element searchResult(List<RoomInfo> rooms) {
        Element.Builder reported = Element.builder("reported", Namespaces.DATA_FORMS);
        for (String[] f : new String[][] {{"jid", "Room", "jid-single"}, {"name", "Name", "text-single"},
                {"description", "Description", "text-single"}, {"occupants", "Occupants", "text-single"}}) {
            reported.child(Element.builder("field", Namespaces.DATA_FORMS)
                    .attribute("var", f[0]).attribute("label", f[1]).attribute("type", f[2]).build());
        }
        DataForm.Builder x = new DataForm.Builder("result", MucNamespaces.SEARCH, null).child(reported.build());
        for (RoomInfo r : rooms) {
            Element.Builder item = Element.builder("item", Namespaces.DATA_FORMS);
            item.child(value("jid", r.jid()));
            item.child(value("name", r.config().name()));
            item.child(value("description", r.config().description()));
            item.child(value("occupants", Integer.toString(r.occupants().size())));
            x.child(item.build());
        }
        return Element.builder("query", MucNamespaces.SEARCH).child(x.build()).build();
    }

    private static Element value(String var, String v) {
        return Element.builder("field", Namespaces.DATA_FORMS).attribute("var", var)
                .child(Element.builder("value", Namespaces.DATA_FORMS).text(v).build()).build();
    }
}
