package org.parley.server.c2s;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jxmpp.jid.EntityFullJid;
import org.parley.server.core.Session;
import org.parley.xml.Stanza;
import org.parley.xml.StreamErrorCondition;

/**
 * A bound client stream as the router sees it. {@link #deliver} may be called from any thread:
 * the stanza is serialised on the caller's thread and queued on the channel.
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
    private final int maxQueued;
    private final long maxQueuedBytes;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile boolean open; // the bind result was written: deliveries go straight out
    private ArrayDeque<ByteBuf> held; // event loop only, before open

    ClientSession(EntityFullJid jid, Channel channel, ClientConnection connection, int maxQueued, long maxQueuedBytes) {
        this.jid = jid;
        this.channel = channel;
        this.connection = connection;
        this.maxQueued = maxQueued;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public EntityFullJid jid() {
        return jid;
    }

    @Override
    public void deliver(Stanza stanza) {
        if (!channel.isActive()) {
            return;
        }
        ByteBuf bytes = ByteBufUtil.writeUtf8(channel.alloc(), stanza.toXml());
        int size = bytes.readableBytes();
        if (queued.incrementAndGet() > maxQueued || queuedBytes.addAndGet(size) > maxQueuedBytes) {
            bytes.release();
            overflowed();
            return;
        }
        if (open) {
            write(bytes, size);
        } else {
            channel.eventLoop().execute(() -> writeOrHold(bytes, size));
        }
    }

    private void writeOrHold(ByteBuf bytes, int size) {
        if (open) {
            write(bytes, size);
            return;
        }
        if (!channel.isActive()) {
            bytes.release();
            return;
        }
        if (held == null) {
            held = new ArrayDeque<>(4);
        }
        held.add(bytes);
    }

    private void write(ByteBuf bytes, int size) {
        channel.writeAndFlush(bytes).addListener((ChannelFutureListener) f -> {
            queued.decrementAndGet();
            queuedBytes.addAndGet(-size);
        });
    }

    /**
     * The client does not read: the stream error is written for the record, but the connection
     * closes at once, dropping the queue, since the client would not read the error either.
     */
    private void overflowed() {
        channel.eventLoop().execute(() -> {
            connection.closeStream(StreamErrorCondition.RESOURCE_CONSTRAINT,
                    "Too much data waiting for this client to read it");
            channel.close();
        });
    }

    /** Called on the event loop right after the bind result was written. */
    void open() {
        if (held != null) {
            for (ByteBuf b; (b = held.poll()) != null; ) {
                write(b, b.readableBytes());
            }
            held = null;
        }
        open = true;
    }

    /** Called on the event loop when the channel closed: releases what never went out. */
    void discardHeld() {
        if (held != null) {
            held.forEach(ByteBuf::release);
            held = null;
        }
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
