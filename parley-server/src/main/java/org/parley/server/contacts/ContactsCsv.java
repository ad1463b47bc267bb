package org.parley.server.contacts;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.parley.server.roster.RosterItem;

/**
 * Contact lists as CSV (RFC 4180), one row per roster row:
 * {@code user,jid,name,groups,subscription,ask,approved,pending_in,listed}. Groups are one field
 * ({@link ContactFields#encodeGroups}); {@code listed=false} marks a row that only holds a pending
 * inbound request. The same format serves one file for everyone and one file per user.
 */
public final class ContactsCsv {

    public static final List<String> HEADER =
            List.of("user", "jid", "name", "groups", "subscription", "ask", "approved", "pending_in", "listed");

    private ContactsCsv() {
    }

    public static void write(List<UserContacts> users, Appendable out) throws IOException {
        row(out, HEADER);
        for (UserContacts u : users) {
            for (RosterItem i : u.items()) {
                row(out, List.of(u.user(), i.jid().toString(), i.name() == null ? "" : i.name(),
                        ContactFields.encodeGroups(i.groups()), i.subscription().value(),
                        i.pendingOut() ? "subscribe" : "", Boolean.toString(i.approved()),
                        Boolean.toString(i.pendingIn()), Boolean.toString(i.listed())));
            }
        }
    }

    private static void row(Appendable out, List<String> fields) throws IOException {
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                out.append(',');
            }
            String v = fields.get(f);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        out.append("\r\n");
    }

    /** Reads a file; bad rows become problems with their line numbers, and their users are left out. */
    public static ContactFile read(String fileName, Reader in) {
        ContactFile.Collector collected = new ContactFile.Collector();
        Records records = new Records(in);
        try {
            Records.Record header = records.next();
            if (header == null || !header.fields().stream().map(String::trim).toList().equals(HEADER)) {
                collected.problem(fileName, 1, null, "the first line must be the header " + String.join(",", HEADER));
                return collected.result();
            }
            for (Records.Record r = records.next(); r != null; r = records.next()) {
                if (r.fields().size() == 1 && r.fields().get(0).isBlank()) {
                    continue;
                }
                String user = r.fields().get(0).trim();
                try {
                    user = ContactFields.user(user);
                    collected.add(user, item(r.fields()), fileName, r.line());
                } catch (IllegalArgumentException e) {
                    collected.problem(fileName, r.line(), user.isEmpty() ? null : user, e.getMessage());
                }
            }
        } catch (Records.Malformed e) {
            collected.problem(fileName, e.line, null, e.getMessage() + "; nothing after it was read");
            // Everything read so far is suspect too: the quoting may have swallowed rows.
            return new ContactFile(List.of(), collected.result().problems());
        }
        return collected.result();
    }

    private static RosterItem item(List<String> f) {
        if (f.size() != HEADER.size()) {
            throw new IllegalArgumentException("expected " + HEADER.size() + " fields, found " + f.size());
        }
        boolean pendingIn = ContactFields.flag(f.get(7), "pending_in", false);
        boolean listed = ContactFields.flag(f.get(8), "listed", true);
        RosterItem item = new RosterItem(ContactFields.contact(f.get(1)), ContactFields.name(f.get(2)),
                ContactFields.decodeGroups(f.get(3)), ContactFields.subscription(f.get(4)), ContactFields.ask(f.get(5)),
                pendingIn, ContactFields.flag(f.get(6), "approved", false), listed, null);
        if (item.isVoid()) {
            throw new IllegalArgumentException("an unlisted row must carry a pending request or a subscription");
        }
        return item;
    }

    /** RFC 4180 records with the line each starts on (a quoted field may span lines). */
    private static final class Records {

        record Record(int line, List<String> fields) {
        }

        static final class Malformed extends Exception {
            final int line;

            Malformed(int line, String message) {
                super(message);
                this.line = line;
            }
        }

        private final Reader in;
        private int line = 1;
        private int pushedBack = -2;

        Records(Reader in) {
            this.in = in;
        }

        private int read() {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            try {
                return in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Record next() throws Malformed {
            int c = read();
            if (c == -1) {
                return null;
            }
            pushedBack = c;
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                c = read();
                if (quoted) {
                    if (c == -1) {
                        throw new Malformed(start, "a quoted field is never closed");
                    } else if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            pushedBack = n;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            pushedBack = n;
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    fields.add(field.toString());
                    return new Record(start, fields);
                } else if (wasQuoted) {
                    throw new Malformed(line, "text after a closing quote");
                } else {
                    field.append((char) c);
                }
            }
        }
    }
}
