package org.parley.server.register;

/** What a jabber:iq:register set asks for (XEP-0077). */
public sealed interface RegistrationRequest {

    /** Register an account, or change the signed-in account's password (§3.1, §3.3). */
    record Credentials(String username, String password) implements RegistrationRequest {
    }

    /** Cancel the signed-in account (§3.2). */
    record Remove() implements RegistrationRequest {
    }
}
