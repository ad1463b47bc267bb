package org.parley.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Client side of SCRAM (RFC 5802 §3) written for the tests, independent of the server code. */
final class ScramTestClient {

    private final ScramHash hash;
    private final String password;
    private final String gs2Header;
    private final byte[] bindingData;
    private final String clientFirstBare;
    private byte[] saltedPassword;
    private String authMessage;

    /**
     * @param gs2Header   e.g. {@code "n,,"}, {@code "y,,"}, {@code "p=tls-server-end-point,,"}
     * @param bindingData appended to the header in c= (empty unless the flag is p)
     */
    ScramTestClient(ScramHash hash, String username, String password, String clientNonce,
                    String gs2Header, byte[] bindingData) {
        this.hash = hash;
        this.password = password;
        this.gs2Header = gs2Header;
        this.bindingData = bindingData.clone();
        this.clientFirstBare = "n=" + username.replace("=", "=3D").replace(",", "=2C")
                + ",r=" + clientNonce;
    }

    static ScramTestClient plain(ScramHash hash, String username, String password, String nonce) {
        return new ScramTestClient(hash, username, password, nonce, "n,,", new byte[0]);
    }

    byte[] clientFirst() {
        return utf8(gs2Header + clientFirstBare);
    }

    byte[] clientFinal(byte[] serverFirstBytes) throws Exception {
        String serverFirst = new String(serverFirstBytes, StandardCharsets.UTF_8);
        String[] parts = serverFirst.split(",");
        String nonce = parts[0].substring(2);
        byte[] salt = Base64.getDecoder().decode(parts[1].substring(2));
        int iterations = Integer.parseInt(parts[2].substring(2));

        javax.crypto.SecretKeyFactory pbkdf2 = javax.crypto.SecretKeyFactory.getInstance(
                "PBKDF2With" + hash.hmacAlgorithm());
        saltedPassword = pbkdf2.generateSecret(new javax.crypto.spec.PBEKeySpec(
                password.toCharArray(), salt, iterations, hash.length() * 8)).getEncoded();

        byte[] header = utf8(gs2Header);
        byte[] cbind = new byte[header.length + bindingData.length];
        System.arraycopy(header, 0, cbind, 0, header.length);
        System.arraycopy(bindingData, 0, cbind, header.length, bindingData.length);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(cbind) + ",r=" + nonce;
        authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;

        byte[] clientKey = hash.hmac(saltedPassword, "Client Key");
        byte[] storedKey = MessageDigest.getInstance(hash.digestAlgorithm()).digest(clientKey);
        byte[] signature = hash.hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    /** Whether the server's v= proves it knows the ServerKey. */
    boolean verifiesServerFinal(byte[] serverFinal) {
        byte[] serverKey = hash.hmac(saltedPassword, "Server Key");
        String expected = "v=" + Base64.getEncoder().encodeToString(hash.hmac(serverKey, authMessage));
        return expected.equals(new String(serverFinal, StandardCharsets.UTF_8));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
