package org.parley.server.account;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The account name that keys a user in every per-user table: the localpart for a user of the
 * default domain (so single-domain data is unchanged), the whole bare JID for a user of any
 * other served domain. '@' may not occur in a localpart (RFC 7622 §3.3.1), so the two forms
 * never collide and a name alone says which domain it is in.
 */
public record AccountNames(DomainBareJid defaultDomain) {

    /** The account name of a local user's bare JID. */
    public String of(EntityBareJid user) {
        return user.asDomainBareJid().equals(defaultDomain)
                ? user.getLocalpart().toString()
                : user.asEntityBareJidString();
    }

    /** The account name of {@code localpart} in {@code domain}. */
    public String of(Localpart localpart, DomainBareJid domain) {
        return of(JidCreate.entityBareFrom(localpart, domain));
    }

    /** The bare JID of an account name (a localpart in the default domain, or a bare JID). */
    public EntityBareJid jid(String name) {
        try {
            return name.indexOf('@') < 0
                    ? JidCreate.entityBareFrom(Localpart.from(name), defaultDomain)
                    : JidCreate.entityBareFrom(name);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("not an account name: " + name, e);
        }
    }

    /** The domain an account name lives in. */
    public DomainBareJid domainOf(String name) {
        int at = name.indexOf('@');
        return at < 0 ? defaultDomain : jid(name).asDomainBareJid();
    }

    /**
     * The normalized account name for what someone typed: a username (the default domain) or
     * {@code user@domain}; a bare JID of the default domain collapses to its localpart.
     */
    public String normalize(String typed) {
        String normalized = AccountService.normalize(typed);
        return normalized.indexOf('@') < 0 ? normalized : of(jid(normalized));
    }
}
