package org.parley.server.tls;

import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.parley.server.auth.ChannelBinding;

/**
 * Channel-binding data of a handshaken TLS connection, for SCRAM-*-PLUS.
 *
 * <p>Only {@code tls-server-end-point} (RFC 5929 §4) is produced: it works with TLS 1.2 and
 * 1.3. {@code tls-exporter} (RFC 9266) needs keying-material export, which neither JDK 17's
 * SSLEngine nor Netty 4.2's OpenSSL engine (netty-tcnative 2.0) exposes; {@code tls-unique} is
 * undefined for TLS 1.3 and weak for 1.2.
 */
public final class ChannelBindings {

    private static final Pattern SIGNATURE_HASH =
            Pattern.compile("^(MD5|SHA1|SHA224|SHA256|SHA384|SHA512|SHA3-(?:224|256|384|512))WITH.*");

    private ChannelBindings() {
    }

    /** The server's binding for a connection whose handshake has completed, if defined. */
    public static Optional<ChannelBinding> of(SslHandler handler) {
        return serverEndPoint(handler.engine().getSession());
    }

    /** tls-server-end-point from the server's side: the certificate it presented. */
    public static Optional<ChannelBinding> serverEndPoint(SSLSession session) {
        Certificate[] local = session.getLocalCertificates();
        return local == null || local.length == 0 ? Optional.empty() : serverEndPoint(local[0]);
    }

    /** tls-server-end-point from a client's side: the certificate the server presented. */
    public static Optional<ChannelBinding> serverEndPointOfPeer(SSLSession session)
            throws SSLPeerUnverifiedException {
        return serverEndPoint(session.getPeerCertificates()[0]);
    }

    /**
     * RFC 5929 §4.1: the hash of the DER certificate, with the hash function of its signature
     * algorithm, SHA-256 where that is MD5 or SHA-1. Empty when the signature algorithm has no
     * single hash (e.g. Ed25519), where the RFC leaves the binding undefined.
     */
    public static Optional<ChannelBinding> serverEndPoint(Certificate certificate) {
        if (!(certificate instanceof X509Certificate x509)) {
            return Optional.empty();
        }
        try {
            Optional<String> hash = hashOf(x509);
            if (hash.isEmpty()) {
                return Optional.empty();
            }
            byte[] data = MessageDigest.getInstance(hash.get()).digest(x509.getEncoded());
            return Optional.of(new ChannelBinding(ChannelBinding.TLS_SERVER_END_POINT, data));
        } catch (GeneralSecurityException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> hashOf(X509Certificate certificate)
            throws GeneralSecurityException, IOException {
        String signature = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        Matcher matcher = SIGNATURE_HASH.matcher(signature);
        if (matcher.matches()) {
            String hash = matcher.group(1);
            if (hash.equals("MD5") || hash.equals("SHA1")) {
                return Optional.of("SHA-256");
            }
            return Optional.of(hash.startsWith("SHA3") ? hash : "SHA-" + hash.substring(3));
        }
        if (signature.equals("RSASSA-PSS") && certificate.getSigAlgParams() != null) {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            parameters.init(certificate.getSigAlgParams());
            String hash = parameters.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm();
            return Optional.of(hash.equalsIgnoreCase("SHA-1") ? "SHA-256" : hash);
        }
        return Optional.empty();
    }
}
