package org.parley.server.register;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.parley.server.core.Domains;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.account.Accounts;
import org.parley.server.account.InvalidAccountException;
import org.parley.server.core.Router;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers jabber:iq:register from a signed-in account: its form, a password change, or cancellation. */
final class AccountRegistration {

    private static final Logger log = LoggerFactory.getLogger(AccountRegistration.class);

    private final Domains domains;
    private final Accounts accounts;
    private final Router router;

    AccountRegistration(Domains domains, Accounts accounts, Router router) {
        this.domains = domains;
        this.accounts = accounts;
        this.router = router;
    }

    CompletionStage<Stanza> handle(Stanza iq) {
        EntityBareJid user = iq.from().asEntityBareJidIfPossible();
        if (user == null || !domains.isLocalUser(user)) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only local accounts are registered here");
        }
        String username = user.getLocalpart().toString();
        String account = user.asEntityBareJidString(); // Accounts resolve it to the domain's account
        Element query = iq.element().elements().get(0);
        if ("get".equals(iq.type())) {
            return CompletableFuture.completedFuture(Stanzas.result(iq, RegistrationForms.registeredForm(username)));
        }
        RegistrationRequest request = RegistrationForms.parseSet(query);
        if (request instanceof RegistrationRequest.Remove) {
            return cancel(iq, account);
        }
        RegistrationRequest.Credentials credentials = (RegistrationRequest.Credentials) request;
        if (!sameUser(credentials.username(), username)) {
            // A signed-in user changes their own password only (XEP-0077 §3.3).
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "You may only change your own password");
        }
        return accounts.changePassword(account, credentials.password())
                .handle((changed, failure) -> {
                    if (failure != null) {
                        throw translate(failure);
                    }
                    if (!changed) {
                        // Deleted meanwhile: the session is about to end.
                        throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, null);
                    }
                    return Stanzas.result(iq);
                });
    }

    /**
     * XEP-0077 §3.2: the result goes out before the account goes away, because deleting it ends
     * the user's sessions (the core closes them on UserDeleted) and a later reply would be lost.
     * Completing with null tells the router that the reply has been sent already.
     */
    private CompletionStage<Stanza> cancel(Stanza iq, String username) {
        router.route(Stanzas.result(iq));
        return accounts.delete(username).handle((deleted, failure) -> {
            if (failure != null) {
                log.error("cancelling account {} failed after it was acknowledged", username, failure);
            }
            return null;
        });
    }

    /** Compares after PRECIS normalisation (RFC 7622), so "Alice" names the account "alice". */
    private static boolean sameUser(String given, String username) {
        try {
            return Localpart.from(given).toString().equals(username);
        } catch (XmppStringprepException e) {
            return false;
        }
    }

    private static RuntimeException translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof InvalidAccountException invalid) {
            return new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, invalid.getMessage());
        }
        return cause instanceof RuntimeException re ? re : new CompletionException(cause);
    }
}
