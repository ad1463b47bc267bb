package org.parley.server.c2s;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Objects;
import org.parley.server.ParleyCore;
import org.parley.server.account.Accounts;
import org.parley.server.auth.SaslMechanisms;
import org.parley.server.auth.SignInThrottle;
import org.parley.server.config.ParleyConfig;
import org.parley.server.tls.ServerEndPoints;
import org.parley.xml.JidCache;
import org.parley.xml.StreamErrorCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XMPP client listener: {@code c2s.port} (STARTTLS, RFC 6120 §5) and
 * {@code c2s.directTlsPort} (TLS from the first byte, XEP-0368), both on {@code c2s.bind}.
 * Port 0 binds a free port; {@link #port()} and {@link #directTlsPort()} tell which.
 *
 * <p>Start it after the core's modules, whose stream features it reads once at construction.
 */
public final class C2sListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(C2sListener.class);
    /** How long stop() lets clients read their system-shutdown error before cutting them off. */
    private static final long SHUTDOWN_GRACE_MILLIS = 3000;
    /** Parsed addressees kept (a few hundred KB): more than the contacts a node's users write to at once. */
    private static final int JID_CACHE_SLOTS = 16_384;

    private final ParleyConfig.C2s settings;
    private final C2sServices services;
    private final SslContext directTls;
    private final ChannelGroup clients = new DefaultChannelGroup("c2s-clients", GlobalEventExecutor.INSTANCE);
    private final IoLoops loops;
    private final boolean ownsLoops; // created its own (tests), so closes them in stop()
    private EventLoopGroup group;
    private IoLoops ownLoops; // non-null while started with loops of its own
    private Liveness liveness;
    private Channel startTlsServer;
    private Channel directTlsServer;

    /**
     * @param accounts   for in-band registration (XEP-0077) when {@code registration.inBand}
     * @param mechanisms the SASL mechanisms, backed by the account credentials
     * @param throttle   slows repeated failed sign-ins per remote address
     * @param startTls   TLS context for STARTTLS on {@code c2s.port}
     * @param directTls  TLS context for {@code c2s.directTlsPort}, offering ALPN xmpp-client
     */
    public C2sListener(ParleyCore core, Accounts accounts, SaslMechanisms mechanisms, SignInThrottle throttle,
                       SslContext startTls, SslContext directTls) {
        this(core, accounts, mechanisms, throttle, startTls, directTls, null);
    }

    /** @param loops the node's shared I/O threads (also running the user hubs), or null for loops of its own */
    public C2sListener(ParleyCore core, Accounts accounts, SaslMechanisms mechanisms, SignInThrottle throttle,
                       SslContext startTls, SslContext directTls, IoLoops loops) {
        this.ownsLoops = loops == null;
        this.loops = loops;
        this.settings = core.config().c2s();
        this.directTls = Objects.requireNonNull(directTls, "directTls");
        StreamFeatures features = new StreamFeatures(mechanisms, core.config().tls().required(),
                core.config().registration().inBand(), core.features().streamFeatures());
        this.services = new C2sServices(core, accounts, mechanisms, throttle, Objects.requireNonNull(startTls),
                features, new SecureRandom(), new ServerEndPoints(), new JidCache(JID_CACHE_SLOTS));
    }

    /** Binds both ports, on the shared loops or, without them, on one event loop per core of its own. */
    public synchronized void start() throws InterruptedException {
        if (group != null) {
            throw new IllegalStateException("already started");
        }
        IoLoops io = ownsLoops ? new IoLoops(0, settings.transport()) : loops;
        group = io.group();
        ownLoops = ownsLoops ? io : null;
        Class<? extends ServerChannel> serverChannel = io.serverChannel();
        try {
            startTlsServer = bootstrap(serverChannel, false).bind(settings.bind(), settings.port()).sync().channel();
            directTlsServer = bootstrap(serverChannel, true).bind(settings.bind(), settings.directTlsPort())
                    .sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            stop();
            throw e;
        }
        liveness = new Liveness(clients, group, settings);
        log.info("c2s listening on {}:{} (STARTTLS) and {}:{} (direct TLS), {}", settings.bind(), port(),
                settings.bind(), directTlsPort(), io.transport());
    }

    private ServerBootstrap bootstrap(Class<? extends ServerChannel> serverChannel, boolean direct) {
        // Pings, keepalives and the idle timeout come from one sweep per listener (Liveness), not per-connection handlers.
        return new ServerBootstrap()
                .group(group)
                .channel(serverChannel)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                // Writability turns off at 64 KB queued: the connection then stops reading the
                // client until it reads what we wrote (see ClientConnection).
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        clients.add(ch);
                        ChannelPipeline p = ch.pipeline();
                        if (direct) {
                            p.addLast("tls", directTls.newHandler(ch.alloc()));
                        }
                        p.addLast("xmpp", new ClientConnection(services));
                    }
                });
    }

    /** The bound STARTTLS port. */
    public int port() {
        return ((InetSocketAddress) startTlsServer.localAddress()).getPort();
    }

    /** The bound direct-TLS port. */
    public int directTlsPort() {
        return ((InetSocketAddress) directTlsServer.localAddress()).getPort();
    }

    /** Open client connections, whatever their state. */
    public int connectionCount() {
        return clients.size();
    }

    /**
     * Stops accepting, sends every client a {@code system-shutdown} stream error, waits briefly
     * for them to close, then stops the event loops.
     */
    public synchronized void stop() {
        if (group == null) {
            return;
        }
        if (liveness != null) {
            liveness.close();
            liveness = null;
        }
        for (Channel server : new Channel[] {startTlsServer, directTlsServer}) {
            if (server != null) {
                server.close().awaitUninterruptibly();
            }
        }
        for (Channel client : clients) {
            ClientConnection connection = client.pipeline().get(ClientConnection.class);
            if (connection != null) {
                client.eventLoop().execute(() -> connection.closeStream(StreamErrorCondition.SYSTEM_SHUTDOWN,
                        "The server is shutting down"));
            }
        }
        clients.newCloseFuture().awaitUninterruptibly(SHUTDOWN_GRACE_MILLIS);
        clients.close().awaitUninterruptibly();
        if (ownLoops != null) {
            ownLoops.close();
            ownLoops = null;
        }
        group = null;
        log.info("c2s stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
