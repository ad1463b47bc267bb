package org.parley.server.tls;

import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.util.Optional;
import org.parley.server.auth.ChannelBinding;

/**
 * The {@code tls-server-end-point} binding (RFC 5929 §4) of the certificate a listener presents,
 * hashed once rather than at every sign-in.
 *
 * <p>Why: every connection of a listener presents the same certificate, yet computing the binding
 * copies and hashes its DER encoding, and a sign-in asks twice (for the offered mechanisms, then
 * for the exchange). The last certificate seen is kept with its binding and compared by identity
 * (the TLS engine hands out the same certificate object for every connection of one context); a
 * different certificate (a reloaded context) simply replaces it. Thread-safe: one immutable pair
 * behind a volatile reference.
 */
public final class ServerEndPoints {

    private record Known(Certificate certificate, Optional<ChannelBinding> binding) {
    }

    private volatile Known known;

    /** The server's binding for a connection whose handshake has completed, if defined. */
    public Optional<ChannelBinding> of(SslHandler handler) {
        Certificate[] local = handler.engine().getSession().getLocalCertificates();
        if (local == null || local.length == 0) {
            return Optional.empty();
        }
        Known k = known;
        if (k != null && k.certificate() == local[0]) {
            return k.binding();
        }
        Optional<ChannelBinding> binding = ChannelBindings.serverEndPoint(local[0]);
        known = new Known(local[0], binding);
        return binding;
    }
}
