package org.parley.server.muc.store;

import java.util.List;

/** The transcripts of persistent rooms. Every method blocks: call from the blocking pool. */
public interface RoomArchive {

    void append(ArchivedMessage message);

    /** The room's newest {@code count} messages, oldest first (history on join after a restart). */
    List<ArchivedMessage> latest(String room, int count);

    /** @throws UnknownArchiveId when the query pages from an id the room's archive does not hold */
    ArchivePage query(ArchiveQuery query);
}
