package org.parley.server.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.KeyManagerFactoryWrapper;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * Builds the server's Netty {@link SslContext}s: BoringSSL through netty-tcnative when it loads
 * (faster, and far less heap per connection), the JDK otherwise. TLS 1.2 and 1.3 only, forward
 * secret AEAD suites only. The certificate is chosen per handshake from {@link ServerIdentities}
 * (by SNI, see {@link SniKeyManager}).
 */
public final class TlsContextFactory {

    /** ALPN protocol of direct-TLS client connections (XEP-0368). */
    public static final String ALPN_XMPP_CLIENT = "xmpp-client";

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    static final List<String> CIPHERS = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    // XMPP connections live long and reconnect rarely, so a small, short-lived session cache
    // serves mobile reconnects without holding memory for every client ever seen.
    static final long SESSION_CACHE_SIZE = 1024;
    static final long SESSION_TIMEOUT_SECONDS = 600;

    private final ServerIdentities identities;
    private final SslProvider provider;

    /** One certificate for every name; OpenSSL (BoringSSL) when available, else the JDK. */
    public TlsContextFactory(TlsIdentity identity) {
        this(ServerIdentities.of(identity));
    }

    public TlsContextFactory(TlsIdentity identity, SslProvider provider) {
        this(ServerIdentities.of(identity), provider);
    }

    /**
     * Uses OpenSSL (BoringSSL) when available, else the JDK. The reference-counted OpenSSL engine:
     * the other one registers a finalizer per connection, which keeps every closed connection's
     * engine (and what it reaches) alive for an extra collection and makes the collector track one
     * more object per session; the SslHandler releases the counted engine when the channel closes.
     */
    public TlsContextFactory(ServerIdentities identities) {
        this(identities, OpenSsl.isAvailable() ? SslProvider.OPENSSL_REFCNT : SslProvider.JDK);
    }

    public TlsContextFactory(ServerIdentities identities, SslProvider provider) {
        this.identities = Objects.requireNonNull(identities, "identities");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * Native bytes each OpenSSL connection keeps for TLS data written outside a wrap (the server's
     * handshake flight, alerts): 512 instead of Netty's 2048. Kept for the connection's whole life,
     * so the difference is 1.5 KB of native memory per idle session; a larger flight (an RSA
     * certificate's is about 1.3 KB) simply leaves in two steps during the handshake.
     */
    static final int BIO_NON_APPLICATION_BUFFER_SIZE = 512;

    public SslProvider provider() {
        return provider;
    }

    /** For STARTTLS on the plain c2s/s2s ports. */
    public SslContext startTls() throws SSLException {
        return sized(builder().build());
    }

    /**
     * For direct TLS (XEP-0368): offers ALPN {@code xmpp-client}; clients that send no ALPN, or
     * another protocol, are still accepted, as many XMPP clients send none.
     */
    public SslContext directTls() throws SSLException {
        return sized(builder().applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN,
                SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT,
                ALPN_XMPP_CLIENT)).build());
    }

    private static SslContext sized(SslContext context) {
        if (context instanceof ReferenceCountedOpenSslContext openSsl) {
            openSsl.setBioNonApplicationBufferSize(BIO_NON_APPLICATION_BUFFER_SIZE);
        }
        return context;
    }

    private SslContextBuilder builder() {
        SniKeyManager keys = new SniKeyManager(identities);
        // OpenSSL converts key material to its own form per handshake unless cached; aliases are
        // certificate fingerprints, so a cached entry can never be stale.
        SslContextBuilder builder = provider == SslProvider.JDK ? SslContextBuilder.forServer(keys)
                : SslContextBuilder.forServer(new OpenSslCachingX509KeyManagerFactory(new KeyManagerFactoryWrapper(keys)));
        return builder
                .sslProvider(provider)
                .protocols(PROTOCOLS)
                .ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .sessionCacheSize(SESSION_CACHE_SIZE)
                .sessionTimeout(SESSION_TIMEOUT_SECONDS)
                .clientAuth(ClientAuth.NONE);
    }
}
