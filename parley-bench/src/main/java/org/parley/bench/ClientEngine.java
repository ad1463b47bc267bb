package org.parley.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The generator's network side: one event-loop group (epoll when available, else NIO) sized to
 * the cores the generator may use, and one client TLS context that trusts any certificate —
 * acceptable only because the generator talks to a server under test on 127.0.0.1.
 */
public final class ClientEngine implements AutoCloseable {

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final SslContext ssl;
    private final SaltedPasswordCache saltCache = new SaltedPasswordCache();
    private final String description;

    /**
     * @param threads event-loop threads; 0 means one per available processor (taskset-aware)
     * @param tlsProvider "openssl", "jdk" or "auto" (BoringSSL when it loads, else the JDK)
     */
    public ClientEngine(int threads, String tlsProvider) throws SSLException {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(n, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        SslProvider provider = switch (tlsProvider.toLowerCase(java.util.Locale.ROOT)) {
            case "jdk" -> SslProvider.JDK;
            case "openssl" -> SslProvider.OPENSSL;
            default -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
        };
        ssl = SslContextBuilder.forClient().sslProvider(provider)
                .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        description = n + " event-loop thread(s), " + (epoll ? "epoll" : "nio") + ", TLS " + provider;
    }

    /** Connects and signs in; the future completes when the session is online or fails with a reason. */
    public CompletableFuture<XmppClient> signIn(ClientConfig config, String user, String password, StanzaListener listener) {
        return connect(new XmppClient(config, user, password, XmppClient.Goal.SIGN_IN, ssl, saltCache, listener), config);
    }

    /** Creates the account by XEP-0077 in-band registration; an existing account counts as done. */
    public CompletableFuture<XmppClient> register(ClientConfig config, String user, String password) {
        return connect(new XmppClient(config, user, password, XmppClient.Goal.REGISTER, ssl, saltCache, StanzaListener.IGNORE), config);
    }

    private CompletableFuture<XmppClient> connect(XmppClient client, ClientConfig config) {
        ChannelFuture f = bootstrap.clone().handler(client).connect(config.host(), config.port());
        f.addListener(done -> {
            if (!done.isSuccess()) {
                client.ready().completeExceptionally(new SigninException("connect failed: " + done.cause().getMessage()));
            }
        });
        return client.ready();
    }

    public SaltedPasswordCache saltCache() {
        return saltCache;
    }

    /** The engine's connection settings on its event loops, for other protocols (the HTTP puts). */
    Bootstrap bootstrap() {
        return bootstrap.clone();
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
