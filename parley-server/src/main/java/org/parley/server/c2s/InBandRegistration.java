package org.parley.server.c2s;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.account.Accounts;
import org.parley.server.account.InvalidAccountException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account creation before sign-in (XEP-0077 §3.1), on an encrypted stream only. Changing a
 * password or cancelling an account needs a signed-in user and is another module's business.
 * The account is made in the served domain the stream was opened to: the username is a
 * localpart (as at sign-in), so a stream to one domain cannot create users in another.
 */
final class InBandRegistration {

    private static final Logger log = LoggerFactory.getLogger(InBandRegistration.class);
    private static final String NS = Namespaces.REGISTER;

    private InBandRegistration() {
    }

    static boolean isRegistration(Stanza iq) {
        return iq.isIq() && iq.element().child("query", NS).isPresent();
    }

    /**
     * The reply to a registration iq on a stream to {@code domain}: service-unavailable when
     * registration is off or the stream is not encrypted, else the form for a get, the outcome
     * for a set. Never fails.
     */
    static CompletableFuture<Stanza> answer(Stanza iq, C2sServices services, DomainBareJid domain, boolean secure) {
        if (!services.inBandRegistration() || !secure) {
            return error(iq, StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
        return answer(iq, services.accounts(), localpart -> services.core().domains().names().of(localpart, domain));
    }

    static CompletableFuture<Stanza> answer(Stanza iq, Accounts accounts,
                                            java.util.function.Function<Localpart, String> accountOf) {
        Element query = iq.element().child("query", NS).orElseThrow();
        if ("get".equals(iq.type())) {
            return CompletableFuture.completedFuture(Stanzas.result(iq, form()));
        }
        if (!"set".equals(iq.type())) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST, "Registration is an iq of type get or set");
        }
        if (query.child("remove", NS).isPresent()) {
            return error(iq, StanzaErrorCondition.NOT_ALLOWED, "Sign in to cancel an account");
        }
        String username = query.childText("username", NS);
        String password = query.childText("password", NS);
        if (username == null || password == null || username.isEmpty() || password.isEmpty()) {
            return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, "Both a username and a password are required");
        }
        Localpart localpart;
        try {
            localpart = Localpart.from(username);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, "Not a valid username: " + username);
        }
        CompletableFuture<Boolean> created;
        try {
            created = accounts.create(accountOf.apply(localpart), password);
        } catch (InvalidAccountException e) {
            return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, e.getMessage());
        }
        return created.handle((ok, failure) -> {
            if (failure == null) {
                return ok ? Stanzas.result(iq)
                        : Stanzas.error(iq, StanzaErrorCondition.CONFLICT, "That username is taken");
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof InvalidAccountException invalid) {
                return Stanzas.error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, invalid.getMessage());
            }
            log.warn("in-band registration of {} failed", username, cause);
            return Stanzas.error(iq, StanzaErrorCondition.INTERNAL_SERVER_ERROR, null);
        });
    }

    private static Element form() {
        return Element.builder("query", NS)
                .child(Element.builder("instructions", NS)
                        .text("Choose a username and password to create an account on this server.").build())
                .child(Element.of("username", NS))
                .child(Element.of("password", NS))
                .build();
    }

    private static CompletableFuture<Stanza> error(Stanza iq, StanzaErrorCondition condition, String text) {
        return CompletableFuture.completedFuture(Stanzas.error(iq, condition, text));
    }
}
