package org.parley.server.addressing;

import java.util.Optional;
import org.parley.server.config.ConfigException;

/**
 * The start-up check that the configured address scheme is the one the stored JIDs were made
 * under. Switching it silently would give every directory user a new JID while their contacts,
 * rooms and offline messages stay filed under the old one, so a switch with directory users in
 * the database is refused until {@code parley addressing migrate} has rewritten them.
 */
public final class SchemeCheck {

    private final AddressingStore store;

    public SchemeCheck(AddressingStore store) {
        this.store = store;
    }

    /**
     * Records {@code configured} when it may be used, else throws a {@link ConfigException} that
     * tells the operator what to do. A database without a recorded scheme predates schemes, when
     * userid was the only one.
     */
    public void check(AddressScheme configured) {
        Optional<AddressScheme> recorded = store.recorded();
        int users = store.directoryUsers();
        AddressScheme current = recorded.orElse(AddressScheme.USERID);
        if (current != configured && users > 0) {
            throw new ConfigException(refusal(configured, current, users));
        }
        if (recorded.isEmpty() || current != configured) {
            store.record(configured);
        }
    }

    static String refusal(AddressScheme configured, AddressScheme current, int users) {
        return "addressing.scheme is " + configured + ", but the " + users + " directory user(s) in the database"
                + " have addresses made under the " + current + " scheme. Starting like this would give them new"
                + " JIDs and strand their contacts, rooms and offline messages under the old ones. Either set"
                + " addressing.scheme back to " + current + ", or stop the server and run"
                + " `parley addressing migrate --to " + configured + "` (it rewrites every stored address in one"
                + " transaction), then start again.";
    }
}
