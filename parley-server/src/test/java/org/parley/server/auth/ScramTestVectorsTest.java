package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The example exchanges of RFC 5802 §5 and RFC 7677 §3, byte for byte. */
class ScramTestVectorsTest {

    private static final byte[] SECRET = new byte[32];

    @Test
    void rfc5802ScramSha1Example() throws Exception {
        assertExchange(ScramHash.SHA_1, "QSXCR+Q6sek8bf92", "3rfcNHYJY1ZVvWVs7j",
                "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
                "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
                "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
                "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    @Test
    void rfc7677ScramSha256Example() throws Exception {
        assertExchange(ScramHash.SHA_256, "W22ZaJ0SNY7soEsUEjb6gQ==", "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
                "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
                "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
                "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    private static void assertExchange(ScramHash hash, String salt, String serverNonce,
                                       String clientFirst, String serverFirst, String clientFinal,
                                       String serverFinal) throws Exception {
        ScramCredentials credentials = ScramCredentialFactory.derive("pencil", hash,
                Base64.getDecoder().decode(salt), 4096);
        var source = new InMemoryCredentialSource(true).add("user", credentials);
        var mechanisms = new SaslMechanisms(source, Set.of(), () -> serverNonce, SECRET, 4096);
        SaslServerSession session = mechanisms.start(hash.mechanismName(), true, null).orElseThrow();

        SaslStep first = session.evaluate(bytes(clientFirst)).toCompletableFuture().get();
        assertThat(first).isInstanceOf(SaslStep.Challenge.class);
        assertThat(text(((SaslStep.Challenge) first).data())).isEqualTo(serverFirst);

        SaslStep last = session.evaluate(bytes(clientFinal)).toCompletableFuture().get();
        assertThat(last).isInstanceOf(SaslStep.Success.class);
        SaslStep.Success success = (SaslStep.Success) last;
        assertThat(text(success.additionalData())).isEqualTo(serverFinal);
        assertThat(success.username()).isEqualTo("user");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
