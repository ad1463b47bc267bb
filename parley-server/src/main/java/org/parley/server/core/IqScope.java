package org.parley.server.core;

/** Whom an iq handler answers for. */
public enum IqScope {
    /** The server itself: iq to the domain, or with no 'to' when no account handler claims it. */
    SERVER,
    /** An account: iq with no 'to', to the sender's own bare JID, or to another local user's bare JID. */
    ACCOUNT
}
