package org.parley.server.directory;

import java.util.List;

/** A directory group: its name, DN and the DNs of its members (all ranges read). */
public record DirectoryGroup(String name, String dn, List<String> memberDns) {

    public DirectoryGroup {
        memberDns = List.copyOf(memberDns);
    }
}
