package org.parley.server.muc;

/** The protocol handlers every room shares; they hold no room state, only the room passed to them. */
record RoomHandlers(RoomPresenceHandler presence, RoomMessageHandler messages, RoomIqHandler iqs) {
}
