package org.parley.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.parley.server.account.AccountService;
import org.parley.server.account.InvalidAccountException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley user add|passwd|delete|list|check} ({@code users} works too): through the running server's API when one runs on
 * this data directory, else directly on the database.
 */
@Command(name = "user", aliases = "users", description = "Manage user accounts",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Delete.class, UserCommand.ListUsers.class,
                UserCheckCommand.class})
final class UserCommand extends GroupCommand {

    /** Shared by the leaf commands: the options, the output stream and the admin access. */
    abstract static class UserOperation implements Callable<Integer> {

        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AdminAccess admin = AdminAccess.connect(options.load())) {
                run(admin, spec.commandLine().getOut());
            }
            return 0;
        }

        abstract void run(AdminAccess admin, PrintWriter out);

        /** The username as the server stores it, so messages name the account the operator will see. */
        static String normalized(String username) {
            try {
                return AccountService.normalize(username);
            } catch (InvalidAccountException e) {
                throw new CliFailure(e.getMessage(), e);
            }
        }
    }

    @Command(name = "add", description = "Create a user")
    static final class Add extends UserOperation {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "PASSWORD")
        String password;

        @Override
        void run(AdminAccess admin, PrintWriter out) {
            if (!admin.addUser(name, password)) {
                throw new CliFailure("user " + normalized(name) + " already exists");
            }
            out.println("Created user " + normalized(name));
        }
    }

    @Command(name = "passwd", description = "Set a user's password")
    static final class Passwd extends UserOperation {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "PASSWORD")
        String password;

        @Override
        void run(AdminAccess admin, PrintWriter out) {
            if (!admin.changePassword(name, password)) {
                throw new CliFailure("no user " + normalized(name));
            }
            out.println("Changed the password of " + normalized(name));
        }
    }

    @Command(name = "delete", description = "Delete a user and all its data; its sessions end")
    static final class Delete extends UserOperation {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        void run(AdminAccess admin, PrintWriter out) {
            if (!admin.deleteUser(name)) {
                throw new CliFailure("no user " + normalized(name));
            }
            out.println("Deleted user " + normalized(name));
        }
    }

    @Command(name = "list", description = "List users, one per line")
    static final class ListUsers extends UserOperation {

        @Override
        void run(AdminAccess admin, PrintWriter out) {
            admin.listUsers().forEach(out::println);
        }
    }
}
