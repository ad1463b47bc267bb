package org.parley.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;

class AdminTokenStoreTest {

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void tokensAreKeptAsHashesWithTheirScopes(Databases.Engine engine) {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            AdminTokens tokens = new AdminTokens(new AdminTokenStore(jdbc), new SecureRandom(), Clock.systemUTC());

            String admin = tokens.create("ops");
            String reader = tokens.create("dashboard", Set.of(TokenScope.PRESENCE_READ));

            assertThat(tokens.isValid(admin)).isTrue();
            assertThat(tokens.scopes(admin)).contains(Set.of(TokenScope.ADMIN));
            assertThat(tokens.scopes(reader)).contains(Set.of(TokenScope.PRESENCE_READ));
            assertThat(tokens.isValid(admin + "x")).isFalse();
            assertThat(tokens.scopes("nope")).isEmpty();
            // Only the hash is stored: the clear token appears nowhere in the table.
            assertThat(jdbc.query("SELECT token_hash FROM admin_tokens", rs -> rs.getString(1)))
                    .hasSize(2).doesNotContain(admin, reader).contains(AdminTokens.hash(admin));
        }
    }
}
