package org.parley.server.testing;

import java.util.function.Predicate;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/** Predicates for the messages module tests wait for. */
public final class Messages {

    private Messages() {
    }

    /** A non-error message whose body is {@code text}. */
    public static Predicate<Stanza> body(String text) {
        return s -> s.isMessage() && !s.isError() && text.equals(s.element().childText("body", Namespaces.CLIENT));
    }

    /** An error message with the given condition. */
    public static Predicate<Stanza> error(StanzaErrorCondition condition) {
        return s -> s.isMessage() && s.isError() && Stanzas.errorCondition(s) == condition;
    }

    public static Predicate<Stanza> anyMessage() {
        return Stanza::isMessage;
    }
}
