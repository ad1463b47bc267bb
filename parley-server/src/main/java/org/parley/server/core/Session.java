package org.parley.server.core;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import org.jxmpp.jid.EntityFullJid;
import org.parley.xml.Stanza;
import org.parley.xml.StreamErrorCondition;

/**
 * A bound session of a user's address, whatever the transport (TCP, WebSocket, BOSH, SIP).
 * Everything after the session is transport-blind.
 *
 * <p>The session owns its state on its own serial {@link #executor()} (for TCP: its channel's
 * event loop). {@link #deliver} and {@link #close} may be called from any thread.
 */
public interface Session {

    EntityFullJid jid();

    /** Queues a stanza for the client; never blocks. A slow reader past its bound is closed. */
    void deliver(Stanza stanza);

    /** Ends the session with a stream error (RFC 6120 §4.9); null condition closes cleanly. */
    void close(StreamErrorCondition condition, String text);

    Executor executor();

    boolean isSecure();

    InetSocketAddress remoteAddress();
}
