package org.parley.server.message;

import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * Reads XEP-0334 message processing hints and the few content markers that decide whether a
 * message is copied (carbons) or stored (offline).
 */
public final class MessageHints {

    private MessageHints() {
    }

    public static boolean noCopy(Stanza message) {
        return hint(message, "no-copy");
    }

    /** {@code <no-store/>} or {@code <no-permanent-store/>}: the sender does not want the message kept. */
    public static boolean noStore(Stanza message) {
        return hint(message, "no-store") || hint(message, "no-permanent-store");
    }

    /** {@code <store/>}: keep the message even if it has no body (a receipt, for example). */
    public static boolean store(Stanza message) {
        return hint(message, "store");
    }

    public static boolean hasBody(Stanza message) {
        return message.element().child("body", message.element().namespace()).isPresent();
    }

    private static boolean hint(Stanza message, String name) {
        return message.element().child(name, Namespaces.HINTS).isPresent();
    }
}
