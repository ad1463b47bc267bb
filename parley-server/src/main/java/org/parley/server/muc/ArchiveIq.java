package org.parley.server.muc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.muc.store.ArchivePage;
import org.parley.server.muc.store.ArchiveQuery;
import org.parley.server.muc.store.ArchivedMessage;
import org.parley.server.muc.store.UnknownArchiveId;
import org.parley.xml.Element;
import org.parley.xml.ElementParser;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;
import org.parley.xml.XmlStreamException;

/**
 * MAM on a room's archive (XEP-0313 with XEP-0059 paging): filters by time (start, end), sender
 * ('with': an occupant JID room/nick or a real JID) and full text (XEP-0431's fulltext field, or
 * 'withtext'); pages are at most muc.mamMaxResults messages, whatever the client asks.
 */
final class ArchiveIq {

    private static final int MAX_STORED_CHARS = 1 << 20;

    private final ArchivePolicy policy;

    ArchiveIq(ArchivePolicy policy) {
        this.policy = policy;
    }

    void handle(Room room, Stanza iq, Element query) {
        if (!policy.mayRead(room, room.affiliationOf(iq.from()))) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only members may read this room's archive");
        }
        if ("get".equals(iq.type())) {
            room.host().send(Stanzas.result(iq, Element.builder("query", MucNamespaces.MAM).child(fields()).build()));
            return;
        }
        ArchiveQuery q = parse(room, query);
        String queryId = query.attribute("queryid");
        if (!policy.archives(room)) {
            // An ad hoc room keeps no transcript: the answer is an empty, complete archive.
            finish(room, iq, new ArchivePage(java.util.List.of(), true, 0));
            return;
        }
        room.host().persistence().query(q).whenComplete((page, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                room.refuse(iq, cause instanceof UnknownArchiveId
                        ? new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, cause.getMessage())
                        : new StanzaErrorException(StanzaErrorCondition.INTERNAL_SERVER_ERROR, null));
                return;
            }
            for (ArchivedMessage m : page.messages()) {
                room.host().send(result(room, iq, queryId, m));
            }
            finish(room, iq, page);
        });
    }

    private ArchiveQuery parse(Room room, Element query) {
        DataForm form = query.child("x", Namespaces.DATA_FORMS).map(DataForm::parse).orElse(new DataForm("submit", java.util.Map.of()));
        Instant start = time(form, "start");
        Instant end = time(form, "end");
        String nick = null;
        String sender = null;
        String with = form.text("with");
        if (with != null) {
            Jid jid = jid(with);
            if (jid.hasResource() && jid.asBareJid().equals(room.jid())) {
                nick = jid.getResourceOrThrow().toString();
            } else {
                sender = jid.asBareJid().toString();
            }
        }
        String text = form.text(MucNamespaces.FULLTEXT_FIELD);
        if (text == null) {
            text = form.text("withtext");
        }
        int cap = room.host().settings().mamMaxResults();
        int max = cap;
        String after = null;
        String before = null;
        boolean lastPage = false;
        Element set = query.child("set", MucNamespaces.RSM).orElse(null);
        if (set != null) {
            String maxText = set.childText("max", MucNamespaces.RSM);
            if (maxText != null) {
                try {
                    max = Math.max(0, Math.min(cap, Integer.parseInt(maxText.trim())));
                } catch (NumberFormatException e) {
                    throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "RSM max is a number");
                }
            }
            after = blankToNull(set.childText("after", MucNamespaces.RSM));
            String beforeText = set.childText("before", MucNamespaces.RSM);
            before = blankToNull(beforeText);
            lastPage = beforeText != null && before == null;
        }
        return new ArchiveQuery(room.name(), start, end, nick, sender, text, after, before, lastPage, max);
    }

    private static Stanza result(Room room, Stanza iq, String queryId, ArchivedMessage m) {
        Element original;
        try {
            original = ElementParser.parse(m.stanza(), MAX_STORED_CHARS);
        } catch (XmlStreamException e) {
            original = Element.builder("message", Namespaces.CLIENT).attribute("type", "groupchat")
                    .attribute("from", room.jid() + "/" + m.nick()).textChild("body", m.body()).build();
        }
        Element forwarded = Element.builder("forwarded", Namespaces.FORWARD)
                .child(Element.builder("delay", Namespaces.DELAY).attribute("stamp", m.sentAt().toString()).build())
                .child(original)
                .build();
        return Stanza.of(Element.builder("message", Namespaces.CLIENT)
                .attribute("from", room.jid().toString())
                .attribute("to", iq.from().toString())
                .attribute("id", UUID.randomUUID().toString())
                .child(Element.builder("result", MucNamespaces.MAM).attribute("queryid", queryId).attribute("id", m.id())
                        .child(forwarded).build())
                .build());
    }

    private static void finish(Room room, Stanza iq, ArchivePage page) {
        Element.Builder set = Element.builder("set", MucNamespaces.RSM);
        if (!page.messages().isEmpty()) {
            set.child(Element.builder("first", MucNamespaces.RSM).text(page.messages().get(0).id()).build());
            set.child(Element.builder("last", MucNamespaces.RSM).text(page.messages().get(page.messages().size() - 1).id()).build());
        }
        set.child(Element.builder("count", MucNamespaces.RSM).text(Integer.toString(page.count())).build());
        room.host().send(Stanzas.result(iq, Element.builder("fin", MucNamespaces.MAM)
                .attribute("complete", page.complete() ? "true" : null)
                .child(set.build()).build()));
    }

    private static Element fields() {
        return new DataForm.Builder("form", MucNamespaces.MAM, null)
                .field("with", "jid-single", "Sender (room/nick or real JID)", (String) null)
                .field("start", "text-single", "From (XEP-0082 date and time)", (String) null)
                .field("end", "text-single", "Until (XEP-0082 date and time)", (String) null)
                .field(MucNamespaces.FULLTEXT_FIELD, "text-single", "Containing these words", (String) null)
                .build();
    }

    private static Instant time(DataForm form, String var) {
        String v = form.text(var);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw DataForm.invalid(var, "is an XEP-0082 date and time, not '" + v + "'");
        }
    }

    private static Jid jid(String v) {
        try {
            return JidCreate.from(v.trim());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Not a JID: " + v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
