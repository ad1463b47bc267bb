package org.parley.server.contacts;

import java.util.List;
import org.parley.server.roster.RosterItem;

/** One user's contact list as exported or imported: every roster row, listed or only a pending request. */
public record UserContacts(String user, List<RosterItem> items) {

    public UserContacts {
        items = List.copyOf(items);
    }
}
