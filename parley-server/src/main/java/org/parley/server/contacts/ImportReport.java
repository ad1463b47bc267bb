package org.parley.server.contacts;

import java.util.List;

/** What an import did: users whose contact lists were written, and users refused with why. */
public record ImportReport(List<String> imported, List<Failure> failed) {

    public ImportReport {
        imported = List.copyOf(imported);
        failed = List.copyOf(failed);
    }

    public record Failure(String user, String reason) {
    }
}
