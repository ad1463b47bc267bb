package org.parley.server.muc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.StanzaErrorCondition;

/** XEP-0045 §7.2.5: a password-protected room needs the password from everyone but its owners. */
final class PasswordPolicy implements JoinPolicy {

    @Override
    public StanzaErrorException refusal(Room room, JoinRequest request) {
        if (!room.config.passwordProtected() || request.affiliation() == Affiliation.OWNER) {
            return null;
        }
        String given = request.password();
        if (given == null) {
            return new StanzaErrorException(StanzaErrorCondition.NOT_AUTHORIZED, "This room needs a password");
        }
        // Constant time, so the answer's timing tells nothing about the password.
        boolean same = MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                room.config.password().getBytes(StandardCharsets.UTF_8));
        return same ? null : new StanzaErrorException(StanzaErrorCondition.NOT_AUTHORIZED, "The password is wrong");
    }
}
