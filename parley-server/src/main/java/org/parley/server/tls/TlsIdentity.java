package org.parley.server.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The server's private key and certificate chain, leaf first. */
public record TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {

    public TlsIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** SHA-256 of the leaf certificate, as {@code AB:CD:…}, for the start-up log line. */
    public String fingerprintSha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + certificate().getSubjectX500Principal() + ", " + chain.size()
                + " certificate(s)]";
    }
}
