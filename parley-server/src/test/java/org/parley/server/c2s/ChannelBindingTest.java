package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;

/**
 * SCRAM with and without tls-server-end-point channel binding over both ports, from a raw TLS
 * client: Smack 4.4 cannot do -PLUS over direct TLS, and its SCRAM-SHA-1-PLUS fails on EC
 * certificates (it derives the digest name "EC" from "SHA256withECDSA").
 */
class ChannelBindingTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.createUser("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"SHA-1, true", "SHA-256, true", "SHA-1, false", "SHA-256, false"})
    void scramOverDirectTls(String hash, boolean plus) throws Exception {
        try (RawClient c = server.rawDirectTls()) {
            assertThat(c.openStream()).contains("SCRAM-SHA-256-PLUS").contains("SCRAM-SHA-1-PLUS").contains("PLAIN");
            assertThat(c.authenticateScram(hash, "alice", TestServer.password("alice"), plus)).contains("<success");
        }
    }

    @ParameterizedTest
    @CsvSource({"SHA-1", "SHA-256"})
    void scramPlusOverStartTls(String hash) throws Exception {
        try (RawClient c = server.raw()) {
            c.startTls();
            c.openStream();
            assertThat(c.authenticateScram(hash, "alice", TestServer.password("alice"), true)).contains("<success");
        }
    }

    @Test
    void wrongPasswordWithBindingIsNotAuthorized() throws Exception {
        try (RawClient c = server.rawDirectTls()) {
            c.openStream();
            assertThat(c.authenticateScram("SHA-256", "alice", "wrong", true)).contains("<not-authorized/>");
        }
    }
}
