package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScramClientTest {

    @Test
    void rfc5802ScramSha1Example() throws Exception {
        ScramClient c = new ScramClient(SaslMechanism.SCRAM_SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL", new SaltedPasswordCache());
        assertThat(c.clientFirst()).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        String fin = c.clientFinal("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
        assertThat(fin).isEqualTo("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        c.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    @Test
    void rfc7677ScramSha256Example() throws Exception {
        ScramClient c = new ScramClient(SaslMechanism.SCRAM_SHA_256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO", new SaltedPasswordCache());
        assertThat(c.clientFirst()).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        String fin = c.clientFinal("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        assertThat(fin).isEqualTo("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        c.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    void secondExchangeForTheSameUserAndSaltReusesTheSaltedPassword() throws Exception {
        SaltedPasswordCache cache = new SaltedPasswordCache();
        String serverFirst = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
        for (int i = 0; i < 2; i++) {
            ScramClient c = new ScramClient(SaslMechanism.SCRAM_SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL", cache);
            c.clientFirst();
            assertThat(c.clientFinal(serverFirst)).endsWith("p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        }
        assertThat(cache.size()).isEqualTo(1);
        ScramClient other = new ScramClient(SaslMechanism.SCRAM_SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL", cache);
        other.clientFirst();
        other.clientFinal("r=fyko+d2lbbFgONRv9qkxdawLxyz,s=QSXCR+Q6sek8bf92,i=4097");
        assertThat(cache.size()).as("another iteration count is another entry").isEqualTo(2);
    }

    @Test
    void rejectsAWrongServerSignatureAndANonceThatDoesNotExtendOurs() throws Exception {
        ScramClient c = new ScramClient(SaslMechanism.SCRAM_SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL", new SaltedPasswordCache());
        c.clientFirst();
        c.clientFinal("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
        assertThatThrownBy(() -> c.verifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=")).isInstanceOf(ScramClient.SaslException.class);
        assertThatThrownBy(() -> c.verifyServerFinal("e=invalid-proof")).hasMessageContaining("invalid-proof");

        ScramClient d = new ScramClient(SaslMechanism.SCRAM_SHA_1, "user", "pencil", "abc", new SaltedPasswordCache());
        d.clientFirst();
        assertThatThrownBy(() -> d.clientFinal("r=zzz,s=QSXCR+Q6sek8bf92,i=4096")).hasMessageContaining("nonce");
    }

    @Test
    void escapesCommaAndEqualsInUsernames() {
        assertThat(ScramClient.escape("a=b,c")).isEqualTo("a=3Db=2Cc");
        assertThat(SaslMechanism.parse("scram-sha-256")).isEqualTo(SaslMechanism.SCRAM_SHA_256);
    }
}
