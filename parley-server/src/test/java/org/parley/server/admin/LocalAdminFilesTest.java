package org.parley.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.testing.CoreHarness;

class LocalAdminFilesTest {

    @TempDir
    Path dataDir;

    private CoreHarness harness;
    private AdminTokens tokens;

    @BeforeEach
    void start() {
        harness = CoreHarness.start();
        tokens = new AdminTokens(new AdminTokenStore(harness.core().jdbc()), new SecureRandom(), harness.core().clock());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void firstStartCreatesAPrivateTokenAndTheAddress() throws Exception {
        LocalAdminFiles files = new LocalAdminFiles(dataDir.resolve("data"));
        files.publish(tokens, URI.create("http://127.0.0.1:9090"));

        assertThat(files.apiAddress()).contains(URI.create("http://127.0.0.1:9090"));
        String token = files.token().orElseThrow();
        assertThat(tokens.isValid(token)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.tokenFile()))).isEqualTo("rw-------");
    }

    @Test
    void laterStartsKeepAValidTokenAndReplaceAnUnknownOne() throws Exception {
        LocalAdminFiles files = new LocalAdminFiles(dataDir);
        files.publish(tokens, URI.create("http://127.0.0.1:1"));
        String first = files.token().orElseThrow();

        files.publish(tokens, URI.create("http://127.0.0.1:2"));
        assertThat(files.token()).contains(first);
        assertThat(files.apiAddress()).contains(URI.create("http://127.0.0.1:2"));

        Files.writeString(files.tokenFile(), "from-another-database\n");
        files.publish(tokens, URI.create("http://127.0.0.1:3"));
        assertThat(files.token()).isPresent().get().isNotEqualTo("from-another-database");
        assertThat(tokens.isValid(files.token().orElseThrow())).isTrue();
    }

    @Test
    void withdrawRemovesTheAddressButKeepsTheToken() throws Exception {
        LocalAdminFiles files = new LocalAdminFiles(dataDir);
        files.publish(tokens, URI.create("http://127.0.0.1:9090"));
        files.withdraw();
        assertThat(files.apiAddress()).isEmpty();
        assertThat(files.token()).isPresent();
    }

    @Test
    void tokensAreRandomAndOnlyIssuedOnesAreValid() {
        String a = tokens.create("a");
        String b = tokens.create("b");
        assertThat(a).isNotEqualTo(b);
        assertThat(tokens.isValid(a)).isTrue();
        assertThat(tokens.isValid(a + "x")).isFalse();
        assertThat(tokens.isValid("")).isFalse();
        assertThat(tokens.isValid(null)).isFalse();
        assertThat(AdminTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
