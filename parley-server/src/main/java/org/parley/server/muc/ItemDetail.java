package org.parley.server.muc;

/** Extras of a presence's muc#user item: a new nickname (status 303), a reason and the acting moderator. */
record ItemDetail(String newNick, String reason, String actorNick) {

    static final ItemDetail NONE = new ItemDetail(null, null, null);
}
