package org.parley.server.addressing;

import org.parley.server.account.AccountNames;
import org.parley.server.storage.Jdbc;

/**
 * The address-scheme admin service behind the REST API and the CLI: which scheme is configured
 * and which one the stored addresses were made under, a dry run of a migration, and (with no
 * server running) the migration itself. Every method blocks.
 */
public final class AddressingService {

    /**
     * @param recorded the scheme of the stored addresses (userid for a database from before schemes)
     */
    public record Status(AddressScheme configured, AddressScheme recorded, int directoryUsers) {
    }

    private final AddressingStore store;
    private final AddressMigration migration;
    private final AddressScheme configured;

    public AddressingService(Jdbc jdbc, AccountNames names, AddressScheme configured) {
        this.store = new AddressingStore(jdbc);
        this.migration = new AddressMigration(jdbc, names);
        this.configured = configured;
    }

    public Status status() {
        return new Status(configured, store.recorded().orElse(AddressScheme.USERID), store.directoryUsers());
    }

    public MigrationPlan plan(AddressScheme to) {
        return migration.plan(to);
    }

    /** See {@link AddressMigration#migrate}: applied only when the returned plan is ready. */
    public MigrationPlan migrate(AddressScheme to) {
        return migration.migrate(to);
    }
}
