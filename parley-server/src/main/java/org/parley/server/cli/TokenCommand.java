package org.parley.server.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.parley.server.admin.TokenScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley token create [--name N] [--scope admin|presence:read|presence:write]...}: prints a
 * new API token alone on standard output, so scripts can capture it.
 */
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

        @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "admin", split = ",",
                description = "What the token may do: admin, presence:read, presence:write; repeat or "
                        + "separate with commas for several (default: ${DEFAULT-VALUE})")
        List<String> scopes;

        @Override
        public Integer call() {
            Set<TokenScope> parsed = EnumSet.noneOf(TokenScope.class);
            for (String s : scopes) {
                parsed.add(TokenScope.parse(s.trim()).orElseThrow(() -> new CliFailure(
                        "unknown scope '" + s + "' (admin, presence:read, presence:write)")));
            }
            try (AdminAccess admin = AdminAccess.connect(options.load())) {
                spec.commandLine().getOut().println(admin.createToken(name, parsed));
            }
            return 0;
        }
    }
}
