package org.parley.server.tls;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Picks the server's certificate during each handshake from {@link ServerIdentities}, by the
 * host name in the client's SNI extension. Both TLS providers ask a key manager for the server
 * alias once the ClientHello is parsed (the JDK, and Netty's OpenSSL engine from its certificate
 * callback), so one mechanism serves both, and a replaced main certificate applies to the next
 * handshake without rebuilding any SslContext.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

    private final ServerIdentities identities;

    SniKeyManager(ServerIdentities identities) {
        this.identities = identities;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    private String choose(String keyType, SSLSession handshake) {
        TlsIdentity identity = identities.select(requestedHost(handshake));
        return fits(identity, keyType) ? ServerIdentities.alias(identity) : null;
    }

    /** The SNI host name the client asked for, or null. */
    static String requestedHost(SSLSession handshake) {
        if (!(handshake instanceof ExtendedSSLSession extended)) {
            return null;
        }
        for (SNIServerName name : extended.getRequestedServerNames()) {
            if (name.getType() == StandardConstants.SNI_HOST_NAME) {
                return new String(name.getEncoded(), StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    /** Whether the identity's key can serve the requested key type ("EC", "RSA", "EC_EC", …; null: any). */
    private static boolean fits(TlsIdentity identity, String keyType) {
        if (keyType == null) {
            return true;
        }
        String algorithm = identity.privateKey().getAlgorithm();
        String wanted = keyType.contains("_") ? keyType.substring(0, keyType.indexOf('_')) : keyType;
        return wanted.equalsIgnoreCase(algorithm) || (algorithm.equals("EC") && wanted.equals("ECDSA"));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[] {ServerIdentities.alias(identities.main())};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        TlsIdentity identity = identities.byAlias(alias);
        return identity == null ? null : identity.chain().toArray(new X509Certificate[0]);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        TlsIdentity identity = identities.byAlias(alias);
        return identity == null ? null : identity.privateKey();
    }

    // The server never authenticates as a TLS client with this manager.

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
