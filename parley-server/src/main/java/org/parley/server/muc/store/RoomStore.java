package org.parley.server.muc.store;

import java.util.List;
import java.util.Optional;

/** Persistent rooms (ad hoc rooms are never stored). Every method blocks: call from the blocking pool. */
public interface RoomStore {

    List<StoredRoom> loadAll();

    Optional<StoredRoom> load(String name);

    /** Creates or replaces the room with its affiliations, in one transaction. */
    void save(StoredRoom room);

    /** Deletes the room, its affiliations and its archive; false when there was no such room. */
    boolean delete(String name);
}
