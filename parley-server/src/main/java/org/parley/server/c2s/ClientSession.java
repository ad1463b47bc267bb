package org.parley.server.c2s;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jxmpp.jid.EntityFullJid;
import org.parley.server.core.Session;
import org.parley.xml.Stanza;
import org.parley.xml.StreamErrorCondition;

/**
 * A bound client stream as the router sees it. {@link #deliver} may be called from any thread:
 * the stanza is serialised on the caller's thread and queued for the channel's event loop, which
 * writes whatever arrived during its turn at once ({@link Outbound}).
 *
 * <p>The outbound queue is bounded in stanzas ({@code c2s.maxOutboundQueue}) and in bytes: a
 * client that stops reading is closed with {@code resource-constraint} instead of letting its
 * queue grow the heap. Stanzas that arrive between hub attachment and the bind result are held
 * until the result is written, so the client sees the bind result first.
 */
public final class ClientSession implements Session {

    private final EntityFullJid jid;
    private final Channel channel;
    private final ClientConnection connection;
    private final Outbound outbound;

    ClientSession(EntityFullJid jid, Channel channel, ClientConnection connection, int maxQueued, long maxQueuedBytes) {
        this.jid = jid;
        this.channel = channel;
        this.connection = connection;
        // The client does not read: the stream error is written for the record, but the connection
        // closes at once, dropping the queue, since the client would not read the error either.
        this.outbound = new Outbound(channel, maxQueued, maxQueuedBytes, () -> {
            connection.closeStream(StreamErrorCondition.RESOURCE_CONSTRAINT,
                    "Too much data waiting for this client to read it");
            channel.close();
        });
    }

    @Override
    public EntityFullJid jid() {
        return jid;
    }

    @Override
    public void deliver(Stanza stanza) {
        if (channel.isActive()) {
            outbound.add(stanza.toUtf8());
        }
    }

    /** Called on the event loop right after the bind result was written. */
    void open() {
        outbound.open();
    }

    /**
     * Called on the event loop when the stream ends (before the closing tag is written) or the
     * channel closed: what is queued goes out first when it still can, then nothing more.
     */
    void streamClosing() {
        outbound.closing();
    }

    @Override
    public void close(StreamErrorCondition condition, String text) {
        if (!channel.isActive()) {
            return; // already gone, and its event loop may have shut down with the listener
        }
        try {
            channel.eventLoop().execute(() -> connection.closeStream(condition, text));
        } catch (RejectedExecutionException e) {
            channel.close();
        }
    }

    @Override
    public Executor executor() {
        return channel.eventLoop();
    }

    @Override
    public boolean isSecure() {
        return ClientConnection.isSecure(channel);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public String toString() {
        return "ClientSession[" + jid + " " + channel.remoteAddress() + "]";
    }
}
