package org.parley.server.search;

import java.util.List;
import org.parley.server.directory.DirectoryStore;

/** Contact search over the users table (enabled users only), for deployments without a directory. */
public final class DatabaseContactSearch implements ContactSearch {

    private final DirectoryStore store;

    public DatabaseContactSearch(DirectoryStore store) {
        this.store = store;
    }

    @Override
    public List<Contact> search(SearchCriteria c, int limit) {
        return store.search(c.userId(), c.name(), c.email(), c.department(), limit).stream()
                .map(u -> new Contact(u.username(), u.displayName(), u.email(), u.department()))
                .toList();
    }
}
