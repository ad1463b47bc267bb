package org.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.server.auth.ChannelBinding;

/** Real handshakes over loopback: a Netty server with our context, a JDK client. */
class TlsHandshakeTest {

    private static EventLoopGroup group;
    private static TlsIdentity identity;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        identity = new CertificateStore(Clock.systemUTC(), new SecureRandom())
                .loadOrGenerate(dir.resolve("c.pem"), dir.resolve("k.pem"), "example.org");
    }

    @AfterAll
    static void tearDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void openSslIsAvailableAndPreferred() {
        assertThat(OpenSsl.isAvailable()).isTrue();
        assertThat(new TlsContextFactory(identity).provider()).isEqualTo(SslProvider.OPENSSL_REFCNT);
    }

    @ParameterizedTest
    @CsvSource({"JDK, TLSv1.2", "JDK, TLSv1.3", "OPENSSL, TLSv1.2", "OPENSSL, TLSv1.3", "OPENSSL_REFCNT, TLSv1.2",
            "OPENSSL_REFCNT, TLSv1.3"})
    void handshakeSucceedsAndBothSidesAgreeOnServerEndPoint(SslProvider provider, String protocol)
            throws Exception {
        TlsContextFactory factory = new TlsContextFactory(identity, provider);
        Handshake result = handshake(factory.directTls(), protocol, new String[] {"xmpp-client"});

        assertThat(result.protocol()).isEqualTo(protocol);
        assertThat(result.alpn()).isEqualTo("xmpp-client");
        assertThat(result.server()).isPresent();
        assertThat(result.server().get().type()).isEqualTo("tls-server-end-point");
        assertThat(result.server().get().data()).hasSize(32);
        assertThat(result.server()).isEqualTo(result.client());
    }

    @ParameterizedTest
    @CsvSource({"JDK", "OPENSSL", "OPENSSL_REFCNT"})
    void startTlsContextNeedsNoAlpn(SslProvider provider) throws Exception {
        Handshake result = handshake(new TlsContextFactory(identity, provider).startTls(), "TLSv1.3", null);
        assertThat(result.server()).isEqualTo(result.client());
        assertThat(result.alpn()).isEmpty();
    }

    @Test
    void openSslConnectionsKeepASmallBufferForHandshakeData() throws Exception {
        TlsContextFactory factory = new TlsContextFactory(identity);
        for (SslContext context : new SslContext[] {factory.startTls(), factory.directTls()}) {
            assertThat(((io.netty.handler.ssl.ReferenceCountedOpenSslContext) context).getBioNonApplicationBufferSize())
                    .isEqualTo(TlsContextFactory.BIO_NON_APPLICATION_BUFFER_SIZE);
            // The server's flight (about 0.8 KB with this EC certificate) exceeds the buffer and still goes out.
            assertThat(handshake(context, "TLSv1.3", null).server()).isPresent();
            io.netty.util.ReferenceCountUtil.release(context);
        }
    }

    @ParameterizedTest
    @CsvSource({"JDK", "OPENSSL_REFCNT"})
    void theListenersCachedServerEndPointIsTheOneClientsCompute(SslProvider provider) throws Exception {
        SslContext context = new TlsContextFactory(identity, provider).startTls();
        ServerEndPoints endPoints = new ServerEndPoints();

        Handshake first = handshake(context, "TLSv1.3", null, endPoints::of);
        Handshake second = handshake(context, "TLSv1.2", null, endPoints::of);

        assertThat(first.server()).isPresent().isEqualTo(first.client());
        assertThat(second.server()).isEqualTo(second.client()).isEqualTo(first.server());
    }

    private record Handshake(String protocol, String alpn, Optional<ChannelBinding> server,
                             Optional<ChannelBinding> client) {
    }

    private static Handshake handshake(SslContext context, String protocol, String[] alpn) throws Exception {
        return handshake(context, protocol, alpn, ChannelBindings::of);
    }

    private static Handshake handshake(SslContext context, String protocol, String[] alpn,
                                       Function<SslHandler, Optional<ChannelBinding>> bindingOf) throws Exception {
        CompletableFuture<Optional<ChannelBinding>> serverBinding = new CompletableFuture<>();
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler ssl = context.newHandler(ch.alloc());
                        ch.pipeline().addLast(ssl, new ChannelInboundHandlerAdapter() {
                            @Override
                            public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                                if (event instanceof SslHandshakeCompletionEvent done) {
                                    if (done.isSuccess()) {
                                        serverBinding.complete(bindingOf.apply(ssl));
                                    } else {
                                        serverBinding.completeExceptionally(done.cause());
                                    }
                                }
                                ctx.fireUserEventTriggered(event);
                            }
                        });
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        try (Socket plain = new Socket()) {
            plain.connect((InetSocketAddress) server.localAddress(), 5000);
            try (SSLSocket socket = (SSLSocket) clientContext().getSocketFactory()
                    .createSocket(plain, "example.org", plain.getPort(), false)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setProtocols(new String[] {protocol});
                parameters.setServerNames(java.util.List.of(new SNIHostName("example.org")));
                // Verifies the generated SAN against the name we connect to.
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (alpn != null) {
                    parameters.setApplicationProtocols(alpn);
                }
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                // TLS 1.3: the server finishes after reading the client's Finished; make it read.
                socket.getOutputStream().write('x');
                socket.getOutputStream().flush();
                Optional<ChannelBinding> server0 = serverBinding.get(10, TimeUnit.SECONDS);
                return new Handshake(socket.getSession().getProtocol(),
                        socket.getApplicationProtocol(), server0,
                        ChannelBindings.serverEndPointOfPeer(socket.getSession()));
            }
        } finally {
            server.close().sync();
        }
    }

    private static SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("parley", identity.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), new SecureRandom());
        return context;
    }
}
