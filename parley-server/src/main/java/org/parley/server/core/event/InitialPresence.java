package org.parley.server.core.event;

import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;

/** A resource sent its initial available presence (RFC 6121 §4.2); published on the hub's executor. */
public record InitialPresence(UserHub hub, Resource resource) {
}
