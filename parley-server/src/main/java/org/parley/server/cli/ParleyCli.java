package org.parley.server.cli;

import java.io.PrintWriter;
import org.parley.server.version.ParleyVersion;
import org.parley.server.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/parley}: serve, user, room, token, version. Exit codes: 0 done, 1 failed (a message on
 * standard error; a stack trace only for an unexpected error), 2 usage error.
 */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = ParleyCli.Version.class,
        description = "Parley IM and presence server",
        subcommands = {ServeCommand.class, UserCommand.class, RoomCommand.class, TokenCommand.class,
                DirectoryCommand.class, ContactsCommand.class, DomainCommand.class, AddressingCommand.class,
                VersionCommand.class})
public final class ParleyCli extends GroupCommand {

    public static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    /** The command line with its streams; tests run it in-process with captured writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliFailure || e instanceof ConfigException) {
                commandLine.getErr().println("parley: " + e.getMessage());
                return FAILED;
            }
            // A bug, not an operator error: say so, with the details a report needs.
            commandLine.getErr().println("parley: unexpected error: " + e);
            e.printStackTrace(commandLine.getErr());
            return FAILED;
        });
        return cli;
    }

    /** For {@code parley --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"parley " + ParleyVersion.ofThisBuild().version()};
        }
    }
}
