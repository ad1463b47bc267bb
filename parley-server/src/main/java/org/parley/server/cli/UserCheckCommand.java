package org.parley.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.server.directory.UserCheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley users check [--json]}: duplicate and invalid users, as a table or as the admin
 * API's JSON. Exit code 0 either way: finding problems is the command doing its job.
 */
@Command(name = "check", description = "Report duplicate users (same user ID or directory URI after normalisation, "
        + "across domains) and invalid users (no valid JID, missing mapped attribute)")
final class UserCheckCommand extends UserCommand.UserOperation {

    @Option(names = "--json", description = "Print the report as JSON (the shape of GET /api/v1/users/check)")
    boolean json;

    @Override
    void run(AdminAccess admin, PrintWriter out) {
        UserCheckReport report = admin.checkUsers();
        if (json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        if (report.clean()) {
            out.println("No duplicate or invalid users.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROBLEM", "SOURCE", "WHAT", "DETAILS"});
        for (UserCheckReport.Duplicate d : report.duplicates()) {
            rows.add(new String[] {"duplicate", source(d.source()), d.kind() + " " + d.key(), String.join("; ", d.entries())});
        }
        for (UserCheckReport.Invalid i : report.invalid()) {
            rows.add(new String[] {"invalid", source(i.source()), i.entry(), i.reason()});
        }
        int[] widths = new int[3];
        for (String[] r : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                line.append(r[c]).append(" ".repeat(widths[c] - r[c].length() + 2));
            }
            out.println(line.append(r[3]));
        }
        out.println(report.duplicates().size() + " duplicate(s), " + report.invalid().size() + " invalid user(s)");
    }

    private static String source(UserCheckReport.Source s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
