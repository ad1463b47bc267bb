package org.parley.server.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parley directory sync}: syncs users and shared roster groups from LDAP now and prints what changed. */
@Command(name = "directory", description = "Work with the LDAP directory", subcommands = DirectoryCommand.Sync.class)
final class DirectoryCommand extends GroupCommand {

    @Command(name = "sync", description = "Create, update and deactivate users from the directory now")
    static final class Sync implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AdminAccess admin = AdminAccess.connect(options.load())) {
                Map<String, Object> report = admin.syncDirectory();
                StringBuilder line = new StringBuilder("Directory sync:");
                report.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
                spec.commandLine().getOut().println(line);
            }
            return 0;
        }
    }
}
