package org.parley.server.core.event;

import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;

/** A resource was bound; published on the hub's executor. */
public record SessionBound(UserHub hub, Resource resource) {
}
