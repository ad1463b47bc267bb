package org.parley.server.auth;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where sign-in checks find users: the JDBC user store, later an LDAP directory. Every method
 * may do I/O, so results complete off the event loop; a failed stage means the store could not
 * answer (reported to the client as temporary-auth-failure), not that the user is unknown.
 * Usernames passed in are normalized localparts.
 */
public interface CredentialSource {

    /** Empty when the user does not exist or is disabled. Completes off the event loop (DB). */
    CompletionStage<Optional<ScramCredentials>> scramCredentials(String username, ScramHash hash);

    /** For PLAIN: checks a clear password (against SCRAM keys, or an LDAP bind later). */
    CompletionStage<Boolean> verifyPassword(String username, String password);

    /** Whether this source can serve SCRAM (an LDAP-backed source cannot: then only PLAIN is offered). */
    boolean supportsScram();
}
