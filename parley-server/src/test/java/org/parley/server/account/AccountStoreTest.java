package org.parley.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.server.auth.ScramCredentialFactory;
import org.parley.server.auth.ScramCredentials;
import org.parley.server.auth.ScramHash;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;

class AccountStoreTest {

    private final ScramCredentialFactory factory = new ScramCredentialFactory(new SecureRandom(), 4096);

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void createFindReplaceDelete(Databases.Engine engine) {
        try (Database db = Databases.open(engine)) {
            AccountStore store = new AccountStore(new Jdbc(db.dataSource()));
            List<ScramCredentials> creds = List.of(factory.derive("pw1", ScramHash.SHA_1),
                    factory.derive("pw1", ScramHash.SHA_256));

            assertThat(store.create("alice", creds, Instant.now())).isTrue();
            assertThat(store.create("alice", creds, Instant.now())).isFalse();
            assertThat(store.exists("alice")).isTrue();
            assertThat(store.list()).containsExactly("alice");
            assertThat(store.credentials("alice", ScramHash.SHA_256)).hasValueSatisfying(c -> {
                assertThat(c.verify("pw1")).isTrue();
                assertThat(c.verify("pw2")).isFalse();
            });

            assertThat(store.replaceCredentials("alice", List.of(factory.derive("pw2", ScramHash.SHA_256)))).isTrue();
            assertThat(store.credentials("alice", ScramHash.SHA_256).orElseThrow().verify("pw2")).isTrue();
            assertThat(store.credentials("alice", ScramHash.SHA_1)).isEmpty();
            assertThat(store.replaceCredentials("nobody", creds)).isFalse();

            assertThat(store.delete("alice")).isTrue();
            assertThat(store.delete("alice")).isFalse();
            assertThat(store.exists("alice")).isFalse();
        }
    }
}
