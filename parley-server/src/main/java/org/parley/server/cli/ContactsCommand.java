package org.parley.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.parley.server.config.ParleyConfig;
import org.parley.server.contacts.ContactFile;
import org.parley.server.contacts.ContactsCsv;
import org.parley.server.contacts.ContactsXml;
import org.parley.server.contacts.ImportProblem;
import org.parley.server.contacts.ImportReport;
import org.parley.server.contacts.UserContacts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley contacts export|import}: contact lists (rosters) as CSV or XEP-0227 XML, in one
 * file or one file per user. Through the running server when there is one (online users get
 * roster pushes), else on the database. Files are read here, so problems are reported with the
 * file's line numbers; users with a bad row are not sent at all.
 */
@Command(name = "contacts", description = "Export and import contact lists",
        subcommands = {ContactsCommand.Export.class, ContactsCommand.Import.class})
final class ContactsCommand extends GroupCommand {

    enum Format { CSV, XML }

    @Command(name = "export", description = "Write contact lists as CSV or XEP-0227 XML")
    static final class Export implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", paramLabel = "csv|xml", defaultValue = "csv",
                description = "csv (default) or xml (XEP-0227)")
        String format;

        static final class Target {
            @Option(names = "--output", paramLabel = "FILE", description = "One file for all users (default: standard output)")
            Path file;

            @Option(names = "--per-user", paramLabel = "DIR", description = "One file per user in DIR (<user>.csv or <user>.xml)")
            Path dir;
        }

        @ArgGroup(exclusive = true)
        Target target = new Target();

        @Parameters(paramLabel = "USER", arity = "0..*", description = "Users to export (default: everyone)")
        List<String> users = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            Format f = format(format);
            ParleyConfig config = options.load();
            List<String> names = new ArrayList<>();
            for (String u : users) {
                names.add(UserCommand.UserOperation.normalized(u));
            }
            List<UserContacts> lists;
            try (AdminAccess admin = AdminAccess.connect(config)) {
                lists = admin.exportContacts(names);
            }
            if (target.dir != null) {
                Files.createDirectories(target.dir);
                for (UserContacts u : lists) {
                    Path file = target.dir.resolve(u.user() + "." + f.name().toLowerCase(Locale.ROOT));
                    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        write(f, config.domain(), List.of(u), w);
                    }
                }
                spec.commandLine().getOut().println("Exported " + lists.size() + " user(s) to " + target.dir);
            } else if (target.file != null) {
                try (Writer w = Files.newBufferedWriter(target.file, StandardCharsets.UTF_8)) {
                    write(f, config.domain(), lists, w);
                }
                spec.commandLine().getOut().println("Exported " + lists.size() + " user(s) to " + target.file);
            } else {
                StringWriter w = new StringWriter();
                write(f, config.domain(), lists, w);
                spec.commandLine().getOut().print(w);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }

        private static void write(Format f, String host, List<UserContacts> lists, Writer w) throws IOException {
            if (f == Format.CSV) {
                ContactsCsv.write(lists, w);
                return;
            }
            try {
                ContactsXml.write(host, lists, w);
            } catch (XMLStreamException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "import", description = "Read contact lists from a CSV or XEP-0227 file, or a directory of per-user files")
    static final class Import implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", paramLabel = "csv|xml",
                description = "csv or xml (XEP-0227); default: from each file's extension")
        String format;

        @Option(names = "--replace", description = "Remove contacts a user has that the file does not list")
        boolean replace;

        @Parameters(index = "0", paramLabel = "PATH", description = "A file, or a directory of .csv/.xml files")
        Path path;

        @Override
        public Integer call() throws IOException {
            ParleyConfig config = options.load();
            ContactFile file = read(config.domain());
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (ImportProblem p : file.problems()) {
                err.println(p);
            }
            ImportReport report = new ImportReport(List.of(), List.of());
            if (!file.users().isEmpty()) {
                try (AdminAccess admin = AdminAccess.connect(config)) {
                    report = admin.importContacts(file.users(), replace);
                }
            }
            for (ImportReport.Failure f : report.failed()) {
                err.println(f.user() + ": " + f.reason());
            }
            out.println("Imported the contacts of " + report.imported().size() + " user(s)"
                    + (report.imported().isEmpty() ? "" : ": " + String.join(", ", report.imported())));
            int failed = file.failedUsers().size() + report.failed().size();
            if (failed > 0) {
                err.println("parley: " + failed + " user(s) not imported, nothing was written for them");
                return 1;
            }
            if (!file.problems().isEmpty()) {
                err.println("parley: the file has problems (above); nothing was imported from what they affect");
                return 1;
            }
            return 0;
        }

        private ContactFile read(String domain) throws IOException {
            if (!Files.exists(path)) {
                throw new CliFailure("no such file or directory: " + path);
            }
            if (!Files.isDirectory(path)) {
                return readOne(path, domain);
            }
            List<Path> files;
            try (Stream<Path> listing = Files.list(path)) {
                files = listing.filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".csv") || n.endsWith(".xml");
                }).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new CliFailure("no .csv or .xml files in " + path);
            }
            ContactFile all = new ContactFile(List.of(), List.of());
            for (Path p : files) {
                all = all.plus(readOne(p, domain));
            }
            return all;
        }

        private ContactFile readOne(Path file, String domain) throws IOException {
            Format f = format != null ? format(format)
                    : file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml") ? Format.XML : Format.CSV;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return f == Format.CSV ? ContactsCsv.read(file.toString(), r)
                        : ContactsXml.read(file.toString(), r, Set.of(domain));
            } catch (java.io.UncheckedIOException | java.nio.charset.CharacterCodingException e) {
                throw new CliFailure(file + " is not UTF-8 text or cannot be read: " + e.getMessage(), e);
            }
        }
    }

    static Format format(String value) {
        try {
            return Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliFailure("unknown format '" + value + "': use csv or xml");
        }
    }
}
