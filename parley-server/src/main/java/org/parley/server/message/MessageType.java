package org.parley.server.message;

import org.parley.xml.Stanza;

/** The message types of RFC 6121 §5.2.2, which decide how a message to a local user is delivered (§8.5). */
public enum MessageType {
    CHAT, NORMAL, GROUPCHAT, HEADLINE, ERROR;

    /** RFC 6121 §5.2.2: a missing or unknown type means "normal". */
    public static MessageType of(Stanza message) {
        String type = message.type();
        if (type == null) {
            return NORMAL;
        }
        return switch (type) {
            case "chat" -> CHAT;
            case "groupchat" -> GROUPCHAT;
            case "headline" -> HEADLINE;
            case "error" -> ERROR;
            default -> NORMAL;
        };
    }
}
