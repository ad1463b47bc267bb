package org.parley.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley token create [--name N]}: prints a new admin API token alone on standard output. */
@Command(name = "token", description = "Manage admin API tokens", subcommands = TokenCommand.Create.class)
final class TokenCommand extends GroupCommand {

    @Command(name = "create", description = "Create an admin API token and print it (it is shown only once)")
    static final class Create implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "cli",
                description = "A label for the token (default: ${DEFAULT-VALUE})")
        String name;

        @Override
        public Integer call() {
            try (AdminAccess admin = AdminAccess.connect(options.load())) {
                spec.commandLine().getOut().println(admin.createToken(name));
            }
            return 0;
        }
    }
}
