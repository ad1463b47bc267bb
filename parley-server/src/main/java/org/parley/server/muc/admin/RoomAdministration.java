package org.parley.server.muc.admin;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.parley.server.muc.Affiliation;

/**
 * Room administration, one service with two implementations: the live rooms of a running server
 * (the REST API; changes reach occupants at once) and the database alone (the CLI when no server
 * runs). Futures fail with {@link RoomAdminException} for refusals.
 */
public interface RoomAdministration {

    /** Every room (live: ad hoc and persistent; database: persistent), sorted by name. */
    CompletableFuture<List<RoomInfo>> list();

    CompletableFuture<Optional<RoomInfo>> info(String name);

    /** Creates a persistent room; fails with EXISTS, LIMIT_REACHED or INVALID. */
    CompletableFuture<RoomInfo> create(RoomSpec spec);

    /** Destroys the room (occupants are told) and its stored state; false when there is no such room. */
    CompletableFuture<Boolean> destroy(String name, String reason);

    /** Sets one user's affiliation (NONE removes it); fails with NOT_FOUND or INVALID. */
    CompletableFuture<RoomInfo> setAffiliation(String name, String jid, Affiliation affiliation);
}
