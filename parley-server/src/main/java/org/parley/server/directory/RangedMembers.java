package org.parley.server.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads a group's member attribute in full. Active Directory returns at most 1500 values of a
 * multi-valued attribute per read and names the slice it sent, e.g. {@code member;range=0-1499};
 * the rest is fetched with {@code member;range=1500-*} and so on until a slice ends in '*'.
 * Other servers return the plain attribute, which is used as is.
 */
final class RangedMembers {

    private static final String RANGE = ";range=";

    private final LDAPConnectionPool pool;
    private final String attribute;

    RangedMembers(LDAPConnectionPool pool, String attribute) {
        this.pool = pool;
        this.attribute = attribute;
    }

    List<String> read(Entry entry) throws LDAPException {
        List<String> members = new ArrayList<>();
        Entry current = entry;
        while (true) {
            Attribute plain = current.getAttribute(attribute);
            if (plain != null) {
                Collections.addAll(members, plain.getValues());
            }
            Attribute ranged = rangedAttribute(current);
            if (ranged == null) {
                return members;
            }
            Collections.addAll(members, ranged.getValues());
            String range = ranged.getName().substring(ranged.getName().toLowerCase(Locale.ROOT).indexOf(RANGE)
                    + RANGE.length());
            String end = range.substring(range.indexOf('-') + 1);
            if (end.equals("*")) {
                return members;
            }
            long next = Long.parseLong(end) + 1;
            current = pool.getEntry(entry.getDN(), attribute + RANGE + next + "-*");
            if (current == null) {
                return members;
            }
        }
    }

    private Attribute rangedAttribute(Entry entry) {
        String prefix = (attribute + RANGE).toLowerCase(Locale.ROOT);
        for (Attribute a : entry.getAttributes()) {
            if (a.getName().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return a;
            }
        }
        return null;
    }
}
