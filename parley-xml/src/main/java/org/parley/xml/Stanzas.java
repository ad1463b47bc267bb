package org.parley.xml;

import org.jxmpp.jid.Jid;

/** Builders for the replies every handler needs: iq results and stanza errors. */
public final class Stanzas {

    private Stanzas() {
    }

    /** An empty {@code <iq type='result'/>} answering {@code request}, addressed back to its sender. */
    public static Stanza result(Stanza request) {
        return result(request, null);
    }

    /** An iq result answering {@code request} with one payload element (or none when null). */
    public static Stanza result(Stanza request, Element payload) {
        Element.Builder b = Element.builder("iq", Namespaces.CLIENT)
                .attribute("type", "result")
                .attribute("id", request.id())
                .attribute("from", str(request.to()))
                .attribute("to", str(request.from()));
        if (payload != null) {
            b.child(payload);
        }
        return Stanza.of(b.build());
    }

    /**
     * The error reply to {@code request} (RFC 6120 §8.3.1): same kind and id, addresses swapped,
     * the original payload kept, and an {@code <error/>} with the condition and optional text.
     */
    public static Stanza error(Stanza request, StanzaErrorCondition condition, String text) {
        return error(request, condition, condition.defaultType(), text);
    }

    public static Stanza error(Stanza request, StanzaErrorCondition condition, String errorType, String text) {
        Element original = request.element();
        Element.Builder error = Element.builder("error", Namespaces.CLIENT)
                .attribute("type", errorType)
                .child(Element.of(condition.elementName(), Namespaces.STANZAS_ERRORS));
        if (text != null) {
            error.child(Element.builder("text", Namespaces.STANZAS_ERRORS).text(text).build());
        }
        Element.Builder b = Element.builder(original.name(), original.namespace())
                .attribute("type", "error")
                .attribute("id", request.id())
                .attribute("from", str(request.to()))
                .attribute("to", str(request.from()));
        for (Node child : original.children()) {
            if (!(child instanceof Element e && e.name().equals("error"))) {
                b.child(child);
            }
        }
        b.child(error.build());
        return Stanza.of(b.build());
    }

    /** The error condition of an error stanza, or null when it names none we know. */
    public static StanzaErrorCondition errorCondition(Stanza stanza) {
        return stanza.element().child("error", stanza.element().namespace())
                .flatMap(e -> e.childInNamespace(Namespaces.STANZAS_ERRORS))
                .map(c -> {
                    for (StanzaErrorCondition cond : StanzaErrorCondition.values()) {
                        if (cond.elementName().equals(c.name())) {
                            return cond;
                        }
                    }
                    return null;
                })
                .orElse(null);
    }

    private static String str(Jid jid) {
        return jid == null ? null : jid.toString();
    }
}
