package org.parley.server.privatedata;

import java.util.Map;
import java.util.Optional;

/**
 * Private XML storage per user, keyed by the payload's qualified name ({@code {namespace}name}).
 * Blocking: call from the blocking pool.
 */
public interface PrivateStore {

    Optional<String> load(String username, String qname);

    /** Stores (replaces) every given qualified name's XML for the user, all or nothing. */
    void save(String username, Map<String, String> xmlByQname);
}
