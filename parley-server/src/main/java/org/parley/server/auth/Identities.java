package org.parley.server.auth;

import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Username and authorization-identity rules shared by the mechanisms. An authcid is a localpart
 * (RFC 6120 §6.3.8 leaves its form to the mechanism; XMPP servers use the localpart); an
 * authzid may only name the same account, as a localpart or as a bare JID of a served domain.
 * Normalization uses jxmpp's stringprep, which the composition root sets to PRECIS.
 */
final class Identities {

    private final Set<String> domains;

    Identities(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    /** The normalized localpart, or empty when {@code raw} is not a valid localpart. */
    Optional<String> username(String raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Localpart.from(raw).toString());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether signing in as {@code username} may act as {@code authzid} (non-empty). */
    boolean mayActAs(String username, String authzid) {
        if (authzid.indexOf('@') < 0) {
            return username(authzid).filter(username::equals).isPresent();
        }
        try {
            EntityBareJid jid = JidCreate.entityBareFrom(authzid);
            return domains.contains(jid.asDomainBareJid().toString())
                    && jid.getLocalpart().toString().equals(username);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return false;
        }
    }
}
