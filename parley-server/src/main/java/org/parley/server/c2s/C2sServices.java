package org.parley.server.c2s;

import io.netty.handler.ssl.SslContext;
import java.security.SecureRandom;
import org.parley.server.ParleyCore;
import org.parley.server.account.Accounts;
import org.parley.server.auth.SaslMechanisms;
import org.parley.server.auth.SignInThrottle;
import org.parley.server.config.ParleyConfig;
import org.parley.server.tls.ServerEndPoints;

/**
 * What every connection of one listener shares: the core, sign-in machinery, the STARTTLS
 * context and the prebuilt stream features. One instance per listener, so a connection holds a
 * single reference instead of a copy of each.
 */
record C2sServices(ParleyCore core, Accounts accounts, SaslMechanisms mechanisms, SignInThrottle throttle,
                   SslContext startTls, StreamFeatures features, SecureRandom random, ServerEndPoints endPoints) {

    /** A client gets this many failed SASL attempts on one connection before it is closed. */
    static final int MAX_AUTH_ATTEMPTS = 5;

    ParleyConfig.C2s c2s() {
        return core.config().c2s();
    }

    boolean tlsRequired() {
        return core.config().tls().required();
    }

    boolean inBandRegistration() {
        return core.config().registration().inBand();
    }

    /**
     * Outbound bytes a session may have queued before it counts as a reader too slow to keep:
     * a few maximum-size stanzas, and never less than 1 MiB.
     */
    long maxOutboundBytes() {
        return Math.max(4L * c2s().maxStanzaBytes(), 1L << 20);
    }
}
