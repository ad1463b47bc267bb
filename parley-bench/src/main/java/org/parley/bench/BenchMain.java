package org.parley.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** parley-bench: a load generator that measures any XMPP server on this machine. */
@Command(name = "parley-bench", mixinStandardHelpOptions = true,
        description = "Load generator for XMPP servers on 127.0.0.1",
        subcommands = {ProvisionCommand.class, SigninCommand.class, ChatCommand.class, PresenceCommand.class,
                KneeCommand.class, CompareCommand.class, RichPresenceCommand.class, RoomCommand.class,
                DirectoryCommand.class})
public final class BenchMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Later options win, so a script can append overrides (run-peers.sh: --warmup 0 for the hold run).
        System.exit(new CommandLine(new BenchMain()).setOverwrittenOptionsAllowed(true).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
