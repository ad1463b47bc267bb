package org.parley.server.richpresence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.account.Accounts;
import org.parley.server.config.ConfigException;
import org.parley.server.core.Interceptor;
import org.parley.server.core.Target;
import org.parley.server.presence.Availability;
import org.parley.server.presence.Show;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * Third-party applications publishing over XMPP (seed "Third Party Application Status"): a
 * presence that an account listed in {@code richpresence.appAccounts} sends to a local user's
 * bare JID sets that user's status for the application (named by the account's username);
 * {@code type='unavailable'} clears it. Such presence is consumed here: it is a publication, not
 * a directed presence to the user. Presence from any other account is left alone.
 */
final class AppAccounts implements Interceptor {

    private final Set<BareJid> allowed;
    private final RichPresence service;
    private final Accounts accounts;

    AppAccounts(List<String> allowed, RichPresence service, Accounts accounts) {
        this.allowed = parse(allowed);
        this.service = service;
        this.accounts = accounts;
    }

    private static Set<BareJid> parse(List<String> jids) {
        Set<BareJid> out = new HashSet<>();
        for (String jid : jids) {
            try {
                out.add(JidCreate.entityBareFrom(jid));
            } catch (XmppStringprepException e) {
                throw new ConfigException("richpresence.appAccounts: not a bare JID: " + jid);
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public Decision onSent(Stanza stanza, Target target) {
        if (allowed.isEmpty() || !stanza.isPresence() || target != Target.LOCAL_BARE || stanza.from() == null
                || !allowed.contains(stanza.from().asBareJid())) {
            return Decision.CONTINUE;
        }
        String type = stanza.type();
        EntityBareJid user = stanza.to().asEntityBareJidIfPossible();
        if ((type != null && !type.equals("unavailable")) || user == null || user.equals(stanza.from().asBareJid())) {
            return Decision.CONTINUE; // subscriptions and probes work as for anyone
        }
        String app = stanza.from().getLocalpartOrNull().toString();
        accounts.exists(user.asEntityBareJidString()).thenAccept(exists -> {
            if (!exists) {
                return;
            }
            if (type == null) {
                service.setApp(user, app, new Availability(Show.of(stanza),
                        stanza.element().childText("status", Namespaces.CLIENT)));
            } else {
                service.clearApp(user, app);
            }
        });
        return Decision.DROP;
    }
}
