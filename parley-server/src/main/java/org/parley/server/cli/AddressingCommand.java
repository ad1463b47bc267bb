package org.parley.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.parley.server.addressing.AddressScheme;
import org.parley.server.addressing.AddressingService;
import org.parley.server.addressing.MigrationPlan;
import org.parley.server.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley addressing status | migrate --to userid|directoryUri [--dry-run]}: the IM address
 * scheme. The migration rewrites every directory user's address and everything stored under it
 * in one transaction, or nothing when a user cannot be mapped; it needs the server stopped (a dry
 * run also works against a running server).
 */
@Command(name = "addressing", description = "IM address schemes (addressing.scheme)",
        subcommands = {AddressingCommand.Status.class, AddressingCommand.Migrate.class})
final class AddressingCommand extends GroupCommand {

    @Command(name = "status", description = "Show the configured scheme and the one stored addresses were made under")
    static final class Status implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AddressingService.Status status;
            try (AdminAccess admin = AdminAccess.connect(options.load())) {
                status = admin.addressing();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("configured: " + status.configured());
            out.println("recorded:   " + status.recorded() + " (" + status.directoryUsers() + " directory users)");
            if (status.configured() != status.recorded() && status.directoryUsers() > 0) {
                out.println("The server will refuse to start until `parley addressing migrate --to "
                        + status.configured() + "` runs, or addressing.scheme is set back to " + status.recorded() + ".");
            }
            return 0;
        }
    }

    @Command(name = "migrate", description = "Give every directory user the address the scheme makes (server stopped)")
    static final class Migrate implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "SCHEME", description = "userid or directoryUri")
        String to;

        @Option(names = "--dry-run", description = "Only show what would change")
        boolean dryRun;

        @Override
        public Integer call() {
            AddressScheme scheme;
            try {
                scheme = AddressScheme.parse(to);
            } catch (ConfigException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            MigrationPlan plan;
            try (AdminAccess admin = AdminAccess.connect(options.load())) {
                plan = dryRun ? admin.planAddressing(scheme) : admin.migrateAddressing(scheme);
            }
            PrintWriter out = spec.commandLine().getOut();
            plan.renames().forEach(r -> out.println(r.from() + " -> " + r.to()));
            if (!plan.ready()) {
                PrintWriter err = spec.commandLine().getErr();
                plan.problems().forEach(p -> err.println("cannot map " + p.user() + ": " + p.reason()));
                throw new CliFailure(plan.problems().size() + " user(s) cannot be mapped to the " + scheme + " scheme, so "
                        + (dryRun ? "the migration would refuse" : "nothing was migrated")
                        + " (fix the directory, run `parley directory sync`, and try again)");
            }
            String summary = plan.renames().size() + " address(es) " + (dryRun ? "would change" : "changed") + ", "
                    + plan.unchanged() + " unchanged; " + plan.from() + " -> " + scheme;
            out.println(dryRun ? "Dry run: " + summary : "Migrated: " + summary
                    + ". Set addressing.scheme: " + scheme + " and start the server.");
            return 0;
        }
    }
}
