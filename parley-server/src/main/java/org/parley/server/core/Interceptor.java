package org.parley.server.core;

import org.parley.xml.Stanza;

/**
 * A policy on the stanza path (blocking, privacy, rate limits, compliance archive). It answers
 * with a decision rather than flags, so the router alone decides what happens next.
 */
public interface Interceptor {

    /** A stanza a local user sent, after its 'from' was stamped. */
    default Decision onSent(Stanza stanza, Target target) {
        return Decision.CONTINUE;
    }

    /** A stanza about to be handed to a local user (bare or full JID). */
    default Decision onReceived(Stanza stanza, Target target) {
        return Decision.CONTINUE;
    }

    /** What to do with the stanza. */
    sealed interface Decision permits Continue, Drop, Reply {
        Decision CONTINUE = new Continue();
        Decision DROP = new Drop();
    }

    /** Go on as usual. */
    record Continue() implements Decision {
    }

    /** Stop silently. */
    record Drop() implements Decision {
    }

    /** Stop and send this stanza back instead (an error, usually). */
    record Reply(Stanza reply) implements Decision {
    }
}
