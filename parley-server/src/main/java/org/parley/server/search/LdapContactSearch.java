package org.parley.server.search;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.parley.server.config.ParleyConfig;
import org.parley.server.directory.DirectoryStore;
import org.parley.server.directory.DirectoryUser;
import org.parley.server.directory.LdapDirectory;

/**
 * Live contact search in the directory: each criterion becomes a substring filter on its mapped
 * attribute (name matches display name, cn, given name or surname), ANDed with the user filter,
 * with the result cap as the search's size limit. Entries that map to no valid user ID, and
 * users Parley has deactivated, are left out: they cannot be contacted.
 */
public final class LdapContactSearch implements ContactSearch {

    private final LdapDirectory directory;
    private final DirectoryStore store;

    public LdapContactSearch(LdapDirectory directory, DirectoryStore store) {
        this.directory = directory;
        this.store = store;
    }

    @Override
    public List<Contact> search(SearchCriteria c, int limit) throws LDAPException {
        ParleyConfig.Ldap.Mapping m = directory.config().mapping();
        List<Filter> parts = new ArrayList<>();
        if (c.userId() != null) {
            parts.add(contains(m.userId(), c.userId()));
        }
        if (c.name() != null) {
            List<Filter> names = new ArrayList<>();
            for (String attr : new String[] {m.displayName(), "cn", "givenName", "sn"}) {
                if (attr != null && !attr.isBlank()) {
                    names.add(contains(attr, c.name()));
                }
            }
            parts.add(Filter.createORFilter(names));
        }
        if (c.email() != null) {
            parts.add(contains(m.email(), c.email()));
        }
        if (c.department() != null) {
            parts.add(contains(m.department(), c.department()));
        }
        List<Contact> out = new ArrayList<>();
        for (DirectoryUser u : directory.search(Filter.createANDFilter(parts), limit)) {
            if (u.account() != null && store.user(u.account()).map(r -> r.enabled()).orElse(true)) {
                out.add(new Contact(u.account(), u.displayName(), u.email(), u.department()));
            }
        }
        out.sort(Comparator.comparing(Contact::username));
        return out;
    }

    private static Filter contains(String attribute, String value) {
        return Filter.createSubstringFilter(attribute, null, new String[] {value}, null);
    }
}
