package org.parley.server.muc.store;

/** An RSM after/before id that is not in the room's archive (answered item-not-found). */
public final class UnknownArchiveId extends RuntimeException {

    public UnknownArchiveId(String id) {
        super("No message " + id + " in this archive", null, false, false);
    }
}
