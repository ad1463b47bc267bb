package org.parley.server.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The client side of SCRAM (RFC 5802 §3, RFC 7677) with optional tls-server-end-point channel
 * binding (RFC 5929 §4), written from the RFCs for the tests and independent of the server code.
 * One instance per exchange.
 */
public final class ScramClient {

    private final String hash; // "SHA-1" or "SHA-256"
    private final String password;
    private final String gs2Header;
    private final byte[] bindingData;
    private final String clientFirstBare;
    private byte[] expectedServerSignature;

    /**
     * @param hash    "SHA-1" or "SHA-256"
     * @param binding the TLS session to bind to (-PLUS), or null for no binding
     */
    public ScramClient(String hash, String username, String password, SSLSession binding)
            throws SSLPeerUnverifiedException, GeneralSecurityException {
        this.hash = hash;
        this.password = password;
        this.gs2Header = binding == null ? "n,," : "p=tls-server-end-point,,";
        this.bindingData = binding == null ? new byte[0] : serverEndPoint(binding.getPeerCertificates()[0]);
        byte[] nonce = new byte[18];
        new SecureRandom().nextBytes(nonce);
        this.clientFirstBare = "n=" + username.replace("=", "=3D").replace(",", "=2C")
                + ",r=" + Base64.getEncoder().encodeToString(nonce);
    }

    public byte[] clientFirst() {
        return utf8(gs2Header + clientFirstBare);
    }

    public byte[] clientFinal(byte[] serverFirstBytes) throws GeneralSecurityException {
        String serverFirst = new String(serverFirstBytes, StandardCharsets.UTF_8);
        String nonce = null;
        byte[] salt = null;
        int iterations = 0;
        for (String attribute : serverFirst.split(",")) {
            switch (attribute.charAt(0)) {
                case 'r' -> nonce = attribute.substring(2);
                case 's' -> salt = Base64.getDecoder().decode(attribute.substring(2));
                case 'i' -> iterations = Integer.parseInt(attribute.substring(2));
                default -> { }
            }
        }
        if (nonce == null || salt == null || iterations == 0) {
            throw new GeneralSecurityException("bad server-first-message: " + serverFirst);
        }
        byte[] header = utf8(gs2Header);
        byte[] cbind = new byte[header.length + bindingData.length];
        System.arraycopy(header, 0, cbind, 0, header.length);
        System.arraycopy(bindingData, 0, cbind, header.length, bindingData.length);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(cbind) + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;

        String hmacName = "Hmac" + hash.replace("-", "");
        int bits = hash.equals("SHA-1") ? 160 : 256;
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2With" + hmacName)
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, bits)).getEncoded();
        byte[] clientKey = hmac(hmacName, salted, "Client Key");
        byte[] storedKey = MessageDigest.getInstance(hash).digest(clientKey);
        byte[] signature = hmac(hmacName, storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        expectedServerSignature = hmac(hmacName, hmac(hmacName, salted, "Server Key"), authMessage);
        return utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    /** Whether the server-final-message ({@code v=...}) proves the server knows our keys. */
    public boolean verifiesServerFinal(byte[] serverFinal) {
        String text = new String(serverFinal, StandardCharsets.UTF_8);
        return text.startsWith("v=") && expectedServerSignature != null
                && MessageDigest.isEqual(expectedServerSignature, Base64.getDecoder().decode(text.substring(2)));
    }

    /** RFC 5929 §4.1: hash of the certificate with its signature's hash, SHA-256 for MD5/SHA-1. */
    static byte[] serverEndPoint(Certificate certificate) throws GeneralSecurityException {
        String algorithm = ((X509Certificate) certificate).getSigAlgName().toUpperCase(Locale.ROOT);
        String digest = algorithm.startsWith("SHA384") ? "SHA-384"
                : algorithm.startsWith("SHA512") ? "SHA-512" : "SHA-256";
        return MessageDigest.getInstance(digest).digest(certificate.getEncoded());
    }

    private static byte[] hmac(String algorithm, byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(utf8(text));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
