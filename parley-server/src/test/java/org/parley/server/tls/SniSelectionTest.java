package org.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator-supplied per-domain certificates ({@code tls.domainCertificates}) are chosen by the
 * name a real TLS client asks for (SNI), with both TLS providers and both protocol versions; the
 * main certificate answers every other name and clients that send none, and replacing it applies
 * to the next handshake.
 */
class SniSelectionTest {

    private static EventLoopGroup group;
    private static CertificateStore store;
    private static TlsIdentity main;
    private static ServerIdentities identities;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        store = new CertificateStore(Clock.systemUTC(), new SecureRandom());
        main = store.generate(dir.resolve("main.pem"), dir.resolve("main.key"),
                List.of("localhost", "conference.localhost", "search.localhost"));
        Path perDomain = Files.createDirectory(dir.resolve("domains"));
        store.generate(perDomain.resolve("corp.example.crt"), perDomain.resolve("corp.example.key"),
                List.of("corp.example", "conference.corp.example"));
        store.generate(perDomain.resolve("wild.example.crt"), perDomain.resolve("wild.example.key"),
                List.of("wild.example", "*.wild.example"));
        identities = new ServerIdentities(main, new DomainCertificates(Clock.systemUTC(), new SecureRandom())
                .load(perDomain));
    }

    @AfterAll
    static void tearDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @ParameterizedTest
    @CsvSource({"JDK, TLSv1.2", "JDK, TLSv1.3", "OPENSSL, TLSv1.2", "OPENSSL, TLSv1.3"})
    void certificateFollowsTheRequestedName(SslProvider provider, String protocol) throws Exception {
        assertThat(identities.perDomain()).extracting(ServerIdentities.DomainIdentity::domain)
                .containsExactly("corp.example", "wild.example");
        SslContext context = new TlsContextFactory(identities, provider).directTls();
        assertThat(CertificateNames.of(presented(context, protocol, "corp.example")))
                .containsExactly("corp.example", "conference.corp.example");
        assertThat(CertificateNames.of(presented(context, protocol, "conference.corp.example")))
                .contains("corp.example");
        assertThat(CertificateNames.of(presented(context, protocol, "conference.wild.example")))
                .containsExactly("wild.example", "*.wild.example");
        assertThat(presented(context, protocol, "localhost")).isEqualTo(main.certificate());
        assertThat(presented(context, protocol, "elsewhere.example")).isEqualTo(main.certificate());
        assertThat(presented(context, protocol, null)).isEqualTo(main.certificate());
    }

    @ParameterizedTest
    @CsvSource({"JDK", "OPENSSL"})
    void aReplacedMainCertificateServesTheNextHandshake(SslProvider provider, @TempDir Path dir) throws Exception {
        ServerIdentities own = ServerIdentities.of(main);
        SslContext context = new TlsContextFactory(own, provider).startTls();
        assertThat(presented(context, "TLSv1.3", "localhost")).isEqualTo(main.certificate());
        TlsIdentity renewed = store.generate(dir.resolve("c.pem"), dir.resolve("k.pem"),
                List.of("localhost", "second.example"));
        own.replaceMain(renewed);
        assertThat(presented(context, "TLSv1.3", "second.example")).isEqualTo(renewed.certificate());
    }

    /** The leaf certificate the server presents to a client asking for {@code host} (null: no SNI). */
    private static X509Certificate presented(SslContext context, String protocol, String host) throws Exception {
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(context.newHandler(ch.alloc()));
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        try (Socket plain = new Socket()) {
            plain.connect((InetSocketAddress) server.localAddress(), 5000);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, new TrustManager[] {new AcceptAll()}, new SecureRandom());
            // A layered socket created without a host name sends no SNI.
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(plain,
                    host == null ? "127.0.0.1" : host, plain.getPort(), false)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setProtocols(new String[] {protocol});
                parameters.setServerNames(host == null ? List.of() : List.of(new SNIHostName(host)));
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                return (X509Certificate) socket.getSession().getPeerCertificates()[0];
            }
        } finally {
            server.close().sync();
        }
    }

    /** The test looks at what is presented; trust is not what it checks. */
    private static final class AcceptAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
