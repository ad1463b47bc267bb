package org.parley.server.core.event;

import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;

/**
 * A resource went away (closed, dropped, replaced); published on the hub's executor after the
 * resource was removed. {@code resource.presence()} still holds its last available presence.
 */
public record SessionUnbound(UserHub hub, Resource resource) {
}
