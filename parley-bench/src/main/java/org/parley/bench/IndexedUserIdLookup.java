package org.parley.bench;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.SearchRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the in-memory server answer a user lookup the way an indexed directory does. Parley looks
 * a user up with {@code (|(attr=id)(attr=id@*))} (the second form for userPrincipalName-style
 * values). A real directory serves the initial substring from its index; the in-memory server
 * only indexes equality, so it would scan every entry for every sign-in and the bench would
 * measure the fixture. The fixture's {@code sAMAccountName} values never contain '@', so the
 * substring branch can match nothing: dropping it returns exactly the same entries.
 */
final class IndexedUserIdLookup extends InMemoryOperationInterceptor {

    private final String attribute;

    IndexedUserIdLookup(String attribute) {
        this.attribute = attribute;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        ReadOnlySearchRequest r = request.getRequest();
        Filter simplified = simplify(r.getFilter());
        if (simplified != r.getFilter()) {
            SearchRequest copy = r.duplicate();
            copy.setFilter(simplified);
            request.setRequest(copy);
        }
    }

    /** The filter without {@code (attr=…@*)} branches of ORs (the same object when there are none). */
    Filter simplify(Filter f) {
        byte type = f.getFilterType();
        if (type != Filter.FILTER_TYPE_AND && type != Filter.FILTER_TYPE_OR) {
            return f;
        }
        List<Filter> kept = new ArrayList<>();
        boolean changed = false;
        for (Filter c : f.getComponents()) {
            if (type == Filter.FILTER_TYPE_OR && isAtSubstring(c)) {
                changed = true;
                continue;
            }
            Filter s = simplify(c);
            changed |= s != c;
            kept.add(s);
        }
        if (!changed) {
            return f;
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        return type == Filter.FILTER_TYPE_AND ? Filter.createANDFilter(kept) : Filter.createORFilter(kept);
    }

    private boolean isAtSubstring(Filter c) {
        return c.getFilterType() == Filter.FILTER_TYPE_SUBSTRING && c.getAttributeName().equalsIgnoreCase(attribute)
                && c.getSubInitialString() != null && c.getSubInitialString().endsWith("@")
                && c.getSubAnyStrings().length == 0 && c.getSubFinalString() == null;
    }
}
