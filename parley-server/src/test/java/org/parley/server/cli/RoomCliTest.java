package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.admin.LocalAdminFiles;
import org.parley.server.http.AdminApiFixture;
import org.parley.server.muc.Affiliation;
import org.parley.server.muc.admin.RoomInfo;

/** {@code parley room ...} with a server running (through the API, on live rooms) and without one (on the database). */
class RoomCliTest {

    @TempDir
    Path dataDir;

    @Test
    void roomCommandsWhileTheServerRuns() throws Exception {
        try (AdminApiFixture api = new AdminApiFixture()) {
            new LocalAdminFiles(dataDir).publish(api.tokens, api.listener.localAddress());
            CliRun created = CliRun.run(dataDir, "room", "create", "board", "--title", "Board", "--members-only",
                    "--owner", "alice", "--member", "bob,carol");
            assertThat(created.exitCode()).as(created.err()).isZero();
            assertThat(created.out()).contains("board@conference.localhost");
            // The running server has it, live, and nothing was written to a local database file.
            RoomInfo live = api.muc.administration().info("board").join().orElseThrow();
            assertThat(live.config().membersOnly()).isTrue();
            assertThat(live.config().persistent()).isTrue();
            assertThat(live.affiliations()).containsEntry("alice@localhost", Affiliation.OWNER)
                    .containsEntry("bob@localhost", Affiliation.MEMBER).containsEntry("carol@localhost", Affiliation.MEMBER);
            assertThat(Files.exists(dataDir.resolve("parley.mv.db"))).isFalse();

            assertThat(CliRun.run(dataDir, "room", "list").lines()).singleElement().asString()
                    .contains("board", "persistent", "members-only");
            assertThat(CliRun.run(dataDir, "room", "info", "board").out()).contains("member: bob@localhost", "owner: alice@localhost");
            CliRun changed = CliRun.run(dataDir, "room", "members", "board", "--affiliation", "bob=none", "--affiliation", "dave=admin");
            assertThat(changed.exitCode()).as(changed.err()).isZero();
            assertThat(changed.out()).contains("dave@localhost\tadmin").doesNotContain("bob@localhost");
            CliRun taken = CliRun.run(dataDir, "room", "create", "board", "--owner", "alice");
            assertThat(taken.exitCode()).isEqualTo(1);
            assertThat(taken.err()).contains("already exists");
            assertThat(CliRun.run(dataDir, "room", "destroy", "board").exitCode()).isZero();
            assertThat(api.muc.administration().info("board").join()).isEmpty();
            assertThat(CliRun.run(dataDir, "room", "destroy", "board").exitCode()).isEqualTo(1);
        }
    }

    @Test
    void roomCommandsOnTheDatabase() {
        CliRun created = CliRun.run(dataDir, "room", "create", "Team", "--description", "Planning", "--owner", "alice",
                "--member", "bob");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(CliRun.run(dataDir, "room", "list").out()).contains("team", "persistent", "open");
        assertThat(CliRun.run(dataDir, "room", "members", "team").lines())
                .containsExactly("alice@localhost\towner", "bob@localhost\tmember");
        CliRun lastOwner = CliRun.run(dataDir, "room", "members", "team", "--affiliation", "alice=none");
        assertThat(lastOwner.exitCode()).isEqualTo(1);
        assertThat(lastOwner.err()).contains("owner");
        CliRun noRoom = CliRun.run(dataDir, "room", "info", "nothing");
        assertThat(noRoom.exitCode()).isEqualTo(1);
        assertThat(noRoom.err()).contains("no room nothing");
        CliRun limit = CliRun.run(dataDir, "room", "create", "second", "--owner", "alice", "--set", "muc.maxPersistentRooms=1");
        assertThat(limit.exitCode()).isEqualTo(1);
        assertThat(limit.err()).contains("limit of 1 persistent rooms");
        assertThat(CliRun.run(dataDir, "room", "destroy", "team").exitCode()).isZero();
        assertThat(CliRun.run(dataDir, "room", "list").lines()).isEmpty();
    }
}
