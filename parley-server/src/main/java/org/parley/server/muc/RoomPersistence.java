package org.parley.server.muc;

import java.util.concurrent.CompletableFuture;
import org.parley.server.muc.store.ArchivePage;
import org.parley.server.muc.store.ArchiveQuery;
import org.parley.server.muc.store.ArchivedMessage;
import org.parley.server.muc.store.RoomArchive;
import org.parley.server.muc.store.RoomStore;
import org.parley.server.muc.store.StoredRoom;
import org.parley.server.storage.BlockingPool;
import org.parley.server.storage.KeyedSequencer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms' asynchronous path to storage. All writes and archive queries of one room run in
 * submission order (a {@link KeyedSequencer} per room name), so a room is stored before its first
 * archived message and an archive query sees every message the room sent before it.
 */
final class RoomPersistence {

    private static final Logger log = LoggerFactory.getLogger(RoomPersistence.class);

    private final RoomStore store;
    private final RoomArchive archive;
    private final BlockingPool blocking;
    private final KeyedSequencer<String> sequencer = new KeyedSequencer<>();

    RoomPersistence(RoomStore store, RoomArchive archive, BlockingPool blocking) {
        this.store = store;
        this.archive = archive;
        this.blocking = blocking;
    }

    RoomStore store() {
        return store;
    }

    RoomArchive archive() {
        return archive;
    }

    CompletableFuture<Void> save(StoredRoom room) {
        return logged(sequencer.submit(room.name(), () -> blocking.run(() -> store.save(room))), "save room " + room.name());
    }

    CompletableFuture<Boolean> delete(String name) {
        return logged(sequencer.submit(name, () -> blocking.supply(() -> store.delete(name))), "delete room " + name);
    }

    CompletableFuture<Void> append(ArchivedMessage message) {
        return logged(sequencer.submit(message.room(), () -> blocking.run(() -> archive.append(message))),
                "archive a message of " + message.room());
    }

    CompletableFuture<ArchivePage> query(ArchiveQuery query) {
        return sequencer.submit(query.room(), () -> blocking.supply(() -> archive.query(query)));
    }

    private static <T> CompletableFuture<T> logged(CompletableFuture<T> future, String what) {
        return future.whenComplete((v, e) -> {
            if (e != null) {
                log.error("cannot {}", what, e);
            }
        });
    }
}
