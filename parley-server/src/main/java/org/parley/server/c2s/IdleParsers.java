package org.parley.server.c2s;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drops the XML reader of bound sessions that have been silent for a second (see
 * {@link org.parley.xml.XmlStreamParser#hibernate()}): about 3.5 KB per idle session, most of
 * what a connection holds on the heap besides Netty's own objects.
 *
 * <p>Why a sweep rather than after every read: a reader costs ≈ 10 µs to rebuild, which a busy
 * session should not pay per stanza; a session quiet for a second pays it once when it speaks
 * again. One task per node scans the connections (two volatile reads each) and sends work only to
 * the loops of connections that qualify, so the steady cost with 19,000 idle sessions is a scan
 * per second and no per-connection timer.
 */
final class IdleParsers implements AutoCloseable {

    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ChannelGroup clients;
    private final ScheduledFuture<?> sweep;

    IdleParsers(ChannelGroup clients, EventLoopGroup loops) {
        this.clients = clients;
        this.sweep = loops.next().scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    void sweep() {
        long before = System.nanoTime() - IDLE_NANOS;
        for (Channel channel : clients) {
            ClientConnection connection = channel.pipeline().get(ClientConnection.class);
            if (connection != null && connection.idleSince(before)) {
                channel.eventLoop().execute(connection::hibernateParser);
            }
        }
    }

    @Override
    public void close() {
        sweep.cancel(false);
    }
}
