package org.parley.server.search;

import java.util.List;

/** Where contact search looks: the live directory when LDAP is configured, Parley's users otherwise. Blocking. */
public interface ContactSearch {

    /** At most {@code limit} contacts matching every given criterion, sorted by username. */
    List<Contact> search(SearchCriteria criteria, int limit) throws Exception;
}
