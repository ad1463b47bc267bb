package org.parley.server.vcard;

import java.util.Optional;

/** Where vCards live, as XML text per username. Blocking: call from the blocking pool. */
public interface VCardStore {

    /** The stored vCard XML, or empty when the user has none. */
    Optional<String> load(String username);

    /** Stores (replaces) the user's vCard; the user must exist. */
    void save(String username, String vcardXml);

    /** Removes the user's vCard; true when there was one. */
    boolean delete(String username);
}
