package org.parley.server.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parley.server.admin.TokenScope;
import org.parley.server.admin.LocalAdminFiles;
import org.parley.server.config.ParleyConfig;
import org.parley.server.muc.admin.RoomSpec;

/**
 * The admin operations the CLI needs, either through a running server's REST API (so the server
 * sees the change at once and a deleted user's sessions end) or, when no server runs, directly on
 * the database. The embedded H2 file is locked by a running server, which is one more reason the
 * running path must go through the API.
 */
interface AdminAccess extends AutoCloseable {

    /** False when the name is taken. */
    boolean addUser(String username, String password);

    /** False when there is no such user. */
    boolean changePassword(String username, String password);

    /** False when there is no such user. */
    boolean deleteUser(String username);

    List<String> listUsers();

    /**
     * Runs a directory sync and returns its report (the fields of
     * {@link org.parley.server.directory.SyncReport}, in order).
     */
    java.util.Map<String, Object> syncDirectory();

    /** Duplicate and invalid users, in the users table and the directory when one is configured. */
    org.parley.server.directory.UserCheckReport checkUsers();

    /** The contact lists of {@code users} (normalised), or of everyone when empty. */
    List<org.parley.server.contacts.UserContacts> exportContacts(List<String> users);

    /** Writes contact lists, one transaction per user. */
    org.parley.server.contacts.ImportReport importContacts(List<org.parley.server.contacts.UserContacts> users,
                                                           boolean replace);

    /** The served IM domains, the default first: name → kind (default, managed, system). */
    java.util.Map<String, String> listDomains();

    /** Serves another domain; false when it is served already. */
    boolean addDomain(String name);

    /** Stops serving a managed domain; false when it is not one; a refusal (users live there) is a {@link CliFailure}. */
    boolean removeDomain(String name);

    /** The configured address scheme, the one the stored addresses were made under, and how many users it decides. */
    org.parley.server.addressing.AddressingService.Status addressing();

    /** A dry run of {@link #migrateAddressing}. */
    org.parley.server.addressing.MigrationPlan planAddressing(org.parley.server.addressing.AddressScheme to);

    /**
     * Rewrites every directory user's address for the scheme {@code to} when all can be mapped
     * (see the returned plan's {@code ready()}); refused while a server runs.
     */
    org.parley.server.addressing.MigrationPlan migrateAddressing(org.parley.server.addressing.AddressScheme to);

    /** Issues a token with these scopes and returns it in clear. */
    String createToken(String name, Set<TokenScope> scopes);

    /** Every room (with a server running: ad hoc ones too), sorted by name. */
    List<RoomView> listRooms();

    Optional<RoomView> room(String name);

    /** Creates a persistent room; a refusal (name taken, limit, bad user) is a {@link CliFailure}. */
    RoomView createRoom(RoomSpec spec);

    /** False when there is no such room. */
    boolean destroyRoom(String name, String reason);

    /** Sets one user's affiliation (owner, admin, member, outcast, none). */
    RoomView setAffiliation(String room, String user, String affiliation);

    @Override
    void close();

    /** Picks the running server's API when {@code <dataDir>/admin-api} names one that answers, else the database. */
    static AdminAccess connect(ParleyConfig config) {
        LocalAdminFiles files = new LocalAdminFiles(config.dataPath());
        try {
            Optional<URI> api = files.apiAddress();
            if (api.isPresent() && RemoteAdmin.answers(api.get())) {
                String token = files.token().orElseThrow(() -> new CliFailure(
                        "a server runs at " + api.get() + " but " + files.tokenFile() + " is missing"));
                return new RemoteAdmin(api.get(), token);
            }
        } catch (IOException e) {
            throw new CliFailure("cannot read " + files.apiFile() + " or " + files.tokenFile() + ": " + e.getMessage(), e);
        }
        return LocalAdmin.open(config);
    }
}
