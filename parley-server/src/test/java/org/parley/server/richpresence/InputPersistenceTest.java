package org.parley.server.richpresence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.richpresence.RichPresenceFixture.jid;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.server.presence.Availability;
import org.parley.server.presence.Show;
import org.parley.server.storage.BlockingPool;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;

/** Phone-line and application states written behind to the database and read back as after a restart. */
class InputPersistenceTest {

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void phoneAndAppStatesSurviveARestart(Databases.Engine engine) {
        try (Database db = Databases.open(engine); BlockingPool blocking = new BlockingPool(1, 16)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            InputPersistence before = new InputPersistence(new PresenceInputStore(jdbc), blocking);
            before.phone(jid("carol"), "2001", PhoneState.BUSY);
            before.flush();

            before.phone(jid("alice"), "1001", PhoneState.RINGING);
            before.phone(jid("alice"), "1001", PhoneState.BUSY); // the latest value is what is written
            before.phone(jid("alice"), "1002", PhoneState.DND);
            before.flush();
            before.phone(jid("alice"), "1002", PhoneState.IDLE); // idle is stored as nothing
            before.app(jid("bob"), "crm", new Availability(Show.AWAY, "With a customer"));
            before.app(jid("bob"), "ci", new Availability(Show.DND, null));
            before.app(jid("bob"), "ci", null);
            before.forget(jid("carol"));
            before.close(); // a clean stop writes what is left

            PresenceInputs restored = new PresenceInputs();
            new InputPersistence(new PresenceInputStore(jdbc), blocking).restore(restored);
            assertThat(restored.get(jid("alice")).lines()).isEqualTo(Map.of("1001", PhoneState.BUSY));
            assertThat(restored.get(jid("alice")).phone()).isEqualTo(PhoneState.BUSY);
            assertThat(restored.get(jid("bob")).apps())
                    .isEqualTo(Map.of("crm", new Availability(Show.AWAY, "With a customer")));
            assertThat(restored.get(jid("carol"))).isEqualTo(UserInputs.NONE);
        }
    }
}
