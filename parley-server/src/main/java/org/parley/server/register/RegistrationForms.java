package org.parley.server.register;

import java.util.List;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.StanzaErrorCondition;

/**
 * Builds and reads the jabber:iq:register query (XEP-0077) with its legacy fields, for both
 * faces of registration: the c2s layer before authentication (creating an account) and
 * {@link RegisterModule} after it (password change, cancellation). Pure functions over elements.
 */
public final class RegistrationForms {

    private RegistrationForms() {
    }

    /** The query a not-yet-registered entity fills in (§3.1): instructions plus empty username and password. */
    public static Element registrationForm(String instructions) {
        return Element.builder("query", Namespaces.REGISTER)
                .textChild("instructions", instructions)
                .child(Element.of("username", Namespaces.REGISTER))
                .child(Element.of("password", Namespaces.REGISTER))
                .build();
    }

    /**
     * The query for an entity that is already registered (§3.2): {@code <registered/>}, its
     * username, and an empty password field (the password itself is never stored, so never shown).
     */
    public static Element registeredForm(String username) {
        return Element.builder("query", Namespaces.REGISTER)
                .child(Element.of("registered", Namespaces.REGISTER))
                .textChild("username", username)
                .child(Element.of("password", Namespaces.REGISTER))
                .build();
    }

    /**
     * Reads the query of an iq set. A {@code <remove/>} must stand alone (§3.2); otherwise both a
     * non-empty username and a non-empty password are required (§3.1, §3.3).
     *
     * @throws StanzaErrorException {@code bad-request} when the query is not a usable request
     */
    public static RegistrationRequest parseSet(Element query) {
        if (!query.is("query", Namespaces.REGISTER)) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "expected <query xmlns='jabber:iq:register'/>");
        }
        List<Element> fields = query.elements();
        if (query.child("remove", Namespaces.REGISTER).isPresent()) {
            if (fields.size() != 1) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "<remove/> must be the only child");
            }
            return new RegistrationRequest.Remove();
        }
        String username = query.childText("username", Namespaces.REGISTER);
        String password = query.childText("password", Namespaces.REGISTER);
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "username and password are required");
        }
        return new RegistrationRequest.Credentials(username.trim(), password);
    }
}
