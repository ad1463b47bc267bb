package org.parley.server.roster;

import org.parley.server.core.UserHub;

/**
 * A stored roster change of an online user, published on the user's hub executor after the
 * cached roster was updated and pushed (presence reacts: a contact that gained 'from' gets the
 * user's presence, one that lost it gets unavailable). Offline users publish nothing.
 */
public record RosterChanged(UserHub hub, RosterChange change) {
}
