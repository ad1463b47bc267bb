package org.parley.server.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.server.config.ParleyConfig;
import org.parley.server.domain.DomainService;
import org.parley.server.domain.SrvRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley domain list [--dns] | add NAME | remove NAME}: the IM domains this server serves.
 * Works on a running server through its admin API (the change applies at once) or on the
 * database when none runs.
 */
@Command(name = "domain", description = "Manage the IM domains this server serves",
        subcommands = {DomainCommand.List.class, DomainCommand.Add.class, DomainCommand.Remove.class})
final class DomainCommand extends GroupCommand {

    @Command(name = "list", description = "List served domains (default, managed, system-managed)")
    static final class List implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Option(names = "--dns", description = "Print the DNS SRV records each domain needs")
        boolean dns;

        @Override
        public Integer call() {
            ParleyConfig config = options.load();
            Map<String, String> domains;
            try (AdminAccess admin = AdminAccess.connect(config)) {
                domains = admin.listDomains();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (!dns) {
                domains.forEach((name, kind) -> out.printf("%-40s %s%n", name, kind));
                return 0;
            }
            String host = config.dns().host() == null || config.dns().host().isBlank()
                    ? config.domain() : config.dns().host();
            SrvRecords records = new SrvRecords(host, config.c2s().port(), config.c2s().directTlsPort(),
                    config.dns().serverPort());
            domains.forEach((name, kind) -> {
                out.println("; " + name + " (" + kind + ")");
                records.of(DomainService.parse(name)).forEach(out::println);
            });
            return 0;
        }
    }

    @Command(name = "add", description = "Serve another IM domain")
    static final class Add implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DOMAIN")
        String name;

        @Override
        public Integer call() {
            String domain = parsed(name);
            try (AdminAccess admin = AdminAccess.connect(options.load())) {
                if (!admin.addDomain(domain)) {
                    throw new CliFailure(domain + " is served already");
                }
            }
            spec.commandLine().getOut().println("Added domain " + domain);
            return 0;
        }
    }

    @Command(name = "remove", description = "Stop serving an administrator-managed domain")
    static final class Remove implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DOMAIN")
        String name;

        @Override
        public Integer call() {
            String domain = parsed(name);
            try (AdminAccess admin = AdminAccess.connect(options.load())) {
                if (!admin.removeDomain(domain)) {
                    throw new CliFailure(domain + " is not an administrator-managed domain");
                }
            }
            spec.commandLine().getOut().println("Removed domain " + domain);
            return 0;
        }
    }

    static String parsed(String name) {
        try {
            return DomainService.parse(name).toString();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }
}
