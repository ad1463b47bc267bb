package org.parley.server.core;

/** Where a stanza is addressed, as the router classifies it (RFC 6120 §10, RFC 6121 §8). */
public enum Target {
    /** No 'to', or the sender's own bare JID: handled by the server on behalf of the account. */
    SELF,
    /** This server's domain (or domain/resource). */
    SERVER,
    /** Another local user's bare JID. */
    LOCAL_BARE,
    /** A local user's full JID (user@domain/resource), including the sender's own other resources. */
    LOCAL_FULL,
    /** A local component's domain, such as conference.domain. */
    COMPONENT,
    /** Any other domain. */
    REMOTE
}
