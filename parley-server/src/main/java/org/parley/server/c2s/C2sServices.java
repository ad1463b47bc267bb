package org.parley.server.c2s;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.security.SecureRandom;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.parley.server.ParleyCore;
import org.parley.server.account.Accounts;
import org.parley.server.auth.ChannelBinding;
import org.parley.server.auth.SaslMechanisms;
import org.parley.server.auth.SaslServerSession;
import org.parley.server.auth.SignInThrottle;
import org.parley.server.config.ParleyConfig;
import org.parley.server.tls.ServerEndPoints;
import org.parley.xml.JidCache;

/**
 * What every connection of one listener shares: the core, sign-in machinery, the STARTTLS
 * context and the prebuilt stream features. One instance per listener, so a connection holds a
 * single reference instead of a copy of each.
 */
record C2sServices(ParleyCore core, Accounts accounts, SaslMechanisms mechanisms, SignInThrottle throttle,
                   SslContext startTls, StreamFeatures features, SecureRandom random, ServerEndPoints endPoints,
                   JidCache jids) {

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
     * A SASL exchange for {@code mechanism} (empty when it is not offered on this connection),
     * bound to its TLS channel when there is one, whose usernames are accounts of the stream's
     * domain under the current addressing scheme.
     */
    Optional<SaslServerSession> startSasl(String mechanism, Channel channel, DomainBareJid streamDomain) {
        if (mechanism == null) {
            return Optional.empty();
        }
        return mechanisms.start(mechanism, ClientConnection.isSecure(channel), channelBinding(channel), streamDomain,
                localpart -> core.domains().names().of(JidCreate.entityBareFrom(
                        Localpart.fromOrThrowUnchecked(localpart), streamDomain)));
    }

    /** The tls-server-end-point binding of the connection's TLS, or null before TLS or without one. */
    ChannelBinding channelBinding(Channel channel) {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        return tls == null ? null : endPoints.of(tls).orElse(null);
    }

    /**
     * Outbound bytes a session may have queued before it counts as a reader too slow to keep:
     * a few maximum-size stanzas, and never less than 1 MiB.
     */
    long maxOutboundBytes() {
        return Math.max(4L * c2s().maxStanzaBytes(), 1L << 20);
    }
}
