package org.parley.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.server.muc.admin.RoomSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley room list|info|create|destroy|members}: chat rooms, through the running server's
 * API when one runs on this data directory (occupants see changes at once), else on the database.
 */
@Command(name = "room", description = "Manage chat rooms",
        subcommands = {RoomCommand.ListRooms.class, RoomCommand.Info.class, RoomCommand.Create.class,
                RoomCommand.Destroy.class, RoomCommand.Members.class})
final class RoomCommand extends GroupCommand {

    /** Shared by the leaf commands: the options, the output stream and the admin access. */
    abstract static class RoomOperation implements Callable<Integer> {

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

        static RoomView existing(AdminAccess admin, String name) {
            return admin.room(name).orElseThrow(() -> new CliFailure("no room " + name));
        }
    }

    @Command(name = "list", description = "List rooms, one per line: name, kind, access, occupants, title")
    static final class ListRooms extends RoomOperation {

        @Override
        void run(AdminAccess admin, PrintWriter out) {
            for (RoomView r : admin.listRooms()) {
                out.printf("%s\t%s\t%s\t%d occupants\t%s%n", r.name(), r.persistent() ? "persistent" : "ad-hoc",
                        r.membersOnly() ? "members-only" : "open", r.occupants().size(), r.title());
            }
        }
    }

    @Command(name = "info", description = "Show a room's settings, occupants and affiliations")
    static final class Info extends RoomOperation {

        @Parameters(index = "0", paramLabel = "ROOM")
        String name;

        @Override
        void run(AdminAccess admin, PrintWriter out) {
            RoomView r = existing(admin, name);
            out.println("room: " + r.jid());
            out.println("title: " + r.title());
            out.println("description: " + r.description());
            out.println("kind: " + (r.persistent() ? "persistent" : "ad-hoc"));
            out.println("access: " + (r.membersOnly() ? "members-only" : "open"));
            out.println("listed: " + (r.publicRoom() ? "yes" : "no"));
            out.println("occupants: " + String.join(", ", r.occupants()));
            r.affiliations().forEach((jid, a) -> out.println(a + ": " + jid));
        }
    }

    @Command(name = "create", description = "Create a persistent room with its owners and members")
    static final class Create extends RoomOperation {

        @Parameters(index = "0", paramLabel = "ROOM", description = "The room's name (its address is ROOM@conference.DOMAIN)")
        String name;

        @Option(names = "--title", description = "The room's display name")
        String title = "";

        @Option(names = "--description", description = "Shown in room search")
        String description = "";

        @Option(names = "--members-only", description = "Only owners, admins and members may enter")
        boolean membersOnly;

        @Option(names = "--hidden", description = "Not listed in the room directory or search")
        boolean hidden;

        @Option(names = "--owner", required = true, split = ",", paramLabel = "USER",
                description = "An owner (username or bare JID); repeatable or comma-separated")
        List<String> owners = new ArrayList<>();

        @Option(names = "--member", split = ",", paramLabel = "USER",
                description = "A member (username or bare JID); repeatable or comma-separated")
        List<String> members = new ArrayList<>();

        @Override
        void run(AdminAccess admin, PrintWriter out) {
            RoomView r = admin.createRoom(new RoomSpec(name, title, description, membersOnly, !hidden, owners, members));
            out.println("Created room " + r.jid());
        }
    }

    @Command(name = "destroy", description = "Destroy a room: occupants are told; its settings and archive are deleted")
    static final class Destroy extends RoomOperation {

        @Parameters(index = "0", paramLabel = "ROOM")
        String name;

        @Option(names = "--reason", description = "Told to the occupants")
        String reason;

        @Override
        void run(AdminAccess admin, PrintWriter out) {
            if (!admin.destroyRoom(name, reason)) {
                throw new CliFailure("no room " + name);
            }
            out.println("Destroyed room " + name);
        }
    }

    @Command(name = "members", description = "List a room's affiliations, or change them with --affiliation")
    static final class Members extends RoomOperation {

        @Parameters(index = "0", paramLabel = "ROOM")
        String name;

        @Option(names = "--affiliation", paramLabel = "USER=AFFILIATION",
                description = "Give USER an affiliation: owner, admin, member, outcast or none; repeatable")
        Map<String, String> changes;

        @Override
        void run(AdminAccess admin, PrintWriter out) {
            RoomView r = existing(admin, name);
            if (changes != null) {
                for (Map.Entry<String, String> c : changes.entrySet()) {
                    r = admin.setAffiliation(name, c.getKey(), c.getValue());
                }
            }
            r.affiliations().forEach((jid, a) -> out.println(jid + "\t" + a));
        }
    }
}
