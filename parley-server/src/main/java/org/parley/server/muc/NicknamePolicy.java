package org.parley.server.muc;

import org.parley.server.core.StanzaErrorException;
import org.parley.xml.StanzaErrorCondition;

/**
 * Nicknames are shown to everyone, so beyond what a JID resourcepart allows (RFC 7622) they may
 * not start or end with white space (which makes look-alikes of other occupants), contain control,
 * format or line-separator characters (invisible or layout-breaking), or exceed 64 characters.
 */
final class NicknamePolicy implements JoinPolicy {

    static final int MAX_LENGTH = 64;

    @Override
    public StanzaErrorException refusal(Room room, JoinRequest request) {
        String problem = problem(request.nick().toString());
        return problem == null ? null : new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, problem);
    }

    /** What is wrong with {@code nick}, or null when it is acceptable. */
    static String problem(String nick) {
        if (nick.isBlank()) {
            return "A nickname may not be blank";
        }
        if (nick.codePointCount(0, nick.length()) > MAX_LENGTH) {
            return "A nickname may have at most " + MAX_LENGTH + " characters";
        }
        if (Character.isWhitespace(nick.codePointAt(0)) || Character.isSpaceChar(nick.codePointAt(0))
                || Character.isWhitespace(nick.codePointBefore(nick.length()))
                || Character.isSpaceChar(nick.codePointBefore(nick.length()))) {
            return "A nickname may not start or end with a space";
        }
        for (int i = 0; i < nick.length(); ) {
            int cp = nick.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || type == Character.SURROGATE) {
                return String.format("A nickname may not contain the character U+%04X", cp);
            }
            i += Character.charCount(cp);
        }
        return null;
    }
}
