package org.parley.server.disco;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.parley.server.core.Features;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.storage.BlockingPool;
import org.parley.xml.Element;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * Answers disco#info and disco#items sent to an account's bare JID, on the account's behalf
 * (RFC 6121 §8.5.1). The owner always gets the answer. Anyone else gets it only when the
 * account shares its presence with them (XEP-0030 §8: otherwise {@code service-unavailable}, the
 * same reply as for an account that does not exist, so a stranger learns nothing, not even
 * whether the account exists). This is also what entity-capabilities practice (XEP-0115) needs:
 * contacts who see the presence can query the account, strangers cannot.
 */
final class AccountDisco {

    private final Features features;
    private final PresenceAuthorization authorization;
    private final BlockingPool blocking;

    AccountDisco(Features features, PresenceAuthorization authorization, BlockingPool blocking) {
        this.features = features;
        this.authorization = authorization;
        this.blocking = blocking;
    }

    CompletionStage<Stanza> info(Stanza iq) {
        ServerDisco.checkedQuery(iq);
        return authorized(iq).thenApply(ok -> Stanzas.result(iq,
                DiscoInfo.info("account", "registered", null, features.accountFeatures())));
    }

    /** An account publishes no items of its own yet (personal eventing would list its nodes here). */
    CompletionStage<Stanza> items(Stanza iq) {
        ServerDisco.checkedQuery(iq);
        return authorized(iq).thenApply(ok -> Stanzas.result(iq, DiscoInfo.items(List.of())));
    }

    private CompletableFuture<Boolean> authorized(Stanza iq) {
        BareJid requester = iq.from().asBareJid();
        Jid to = iq.to();
        if (to == null || to.asBareJid().equals(requester)) {
            return CompletableFuture.completedFuture(true);
        }
        EntityBareJid account = to.asEntityBareJidOrThrow();
        return blocking.supply(() -> authorization.mayReceivePresence(account, requester)).thenApply(ok -> {
            if (!ok) {
                throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
            }
            return true;
        });
    }
}
