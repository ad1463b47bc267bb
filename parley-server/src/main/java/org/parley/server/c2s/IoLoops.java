package org.parley.server.c2s;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.parley.server.config.ConfigException;

/**
 * The node's I/O threads: one Netty event loop per core, shared by the client listener and,
 * through {@link org.parley.server.ParleyCore}, by the user hubs' serial executors.
 *
 * <p>Why hubs run here rather than on a pool of their own: a 1:1 message then goes from the
 * sender's read to the recipient's write without a thread hand-off. On a single core every
 * hand-off between the I/O thread and a separate actor thread costs a futex or eventfd wake-up
 * and a context switch each way, which measured as the largest part of the server's CPU per
 * message (issue 3). Hub tasks never block (the core's rule), so they are fit for an event loop;
 * a hub task submitted from a loop thread to its own loop needs no wake-up at all.
 *
 * <p>The transport ({@code c2s.transport}): {@code auto} is epoll where the platform has it, else
 * Java NIO. io_uring is there to choose: it submits a loop turn's reads and writes and collects
 * their completions in one system call, and system calls were the largest share of CPU per message
 * in the chat profile (epoll_wait, recv and send per delivered message), but on this project's
 * benchmark machine it has not yet measured better than epoll (parley-bench/README.md), and
 * epoll is the older, more proven Netty transport.
 */
public final class IoLoops implements AutoCloseable {

    /** The I/O mechanism under the loops. */
    public enum Transport {
        IO_URING, EPOLL, NIO;

        /** {@code auto} picks the best available; a named one that is unavailable is a configuration error. */
        static Transport choose(String setting) {
            String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            switch (s) {
                case "auto":
                    return Epoll.isAvailable() ? EPOLL : NIO;
                case "io_uring":
                    if (!IoUring.isAvailable()) {
                        throw new ConfigException("c2s.transport io_uring is not available here: "
                                + IoUring.unavailabilityCause());
                    }
                    return IO_URING;
                case "epoll":
                    if (!Epoll.isAvailable()) {
                        throw new ConfigException("c2s.transport epoll is not available here: " + Epoll.unavailabilityCause());
                    }
                    return EPOLL;
                case "nio":
                    return NIO;
                default:
                    throw new ConfigException("c2s.transport must be auto, io_uring, epoll or nio, got: " + setting);
            }
        }

        IoHandlerFactory handlers() {
            return switch (this) {
                case IO_URING -> IoUringIoHandler.newFactory();
                case EPOLL -> EpollIoHandler.newFactory();
                case NIO -> NioIoHandler.newFactory();
            };
        }

        Class<? extends ServerChannel> serverChannel() {
            return switch (this) {
                case IO_URING -> IoUringServerSocketChannel.class;
                case EPOLL -> EpollServerSocketChannel.class;
                case NIO -> NioServerSocketChannel.class;
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final EventLoopGroup group;
    private final Transport transport;

    /**
     * @param threads   event loops; 0 means one per available core
     * @param transport the {@code c2s.transport} setting
     */
    public IoLoops(int threads, String transport) {
        this.transport = Transport.choose(transport);
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.group = new MultiThreadIoEventLoopGroup(n, this.transport.handlers());
    }

    public EventLoopGroup group() {
        return group;
    }

    Transport transport() {
        return transport;
    }

    Class<? extends ServerChannel> serverChannel() {
        return transport.serverChannel();
    }

    /** Stops the loops after the listener and the core that use them have closed. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
