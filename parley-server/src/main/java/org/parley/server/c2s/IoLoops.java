package org.parley.server.c2s;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The node's I/O threads: one Netty event loop per core (epoll where the platform has it), shared
 * by the client listener and, through {@link org.parley.server.ParleyCore}, by the user hubs'
 * serial executors.
 *
 * <p>Why hubs run here rather than on a pool of their own: a 1:1 message then goes from the
 * sender's read to the recipient's write without a thread hand-off. On a single core every
 * hand-off between the I/O thread and a separate actor thread costs a futex or eventfd wake-up
 * and a context switch each way, which measured as the largest part of the server's CPU per
 * message (issue 3). Hub tasks never block (the core's rule), so they are fit for an event loop;
 * a hub task submitted from a loop thread to its own loop needs no wake-up at all.
 */
public final class IoLoops implements AutoCloseable {

    private final EventLoopGroup group;
    private final boolean epoll;

    /** @param threads event loops; 0 means one per available core */
    public IoLoops(int threads) {
        this.epoll = Epoll.isAvailable();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.group = new MultiThreadIoEventLoopGroup(n, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    public EventLoopGroup group() {
        return group;
    }

    boolean epoll() {
        return epoll;
    }

    Class<? extends ServerChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** Stops the loops after the listener and the core that use them have closed. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
