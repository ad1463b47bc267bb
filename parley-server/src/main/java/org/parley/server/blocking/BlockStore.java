package org.parley.server.blocking;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Users' block lists (XEP-0191), by username; blocked JIDs in their canonical string form.
 * Every method blocks: call it on the blocking pool (or at start-up).
 */
public interface BlockStore {

    /** Every non-empty block list. */
    Map<String, Set<String>> loadAll();

    Set<String> load(String username);

    void add(String username, Collection<String> jids);

    void remove(String username, Collection<String> jids);

    void clear(String username);
}
