package org.parley.server.auth;

import rocks.xmpp.precis.PrecisProfiles;

/**
 * Password preparation. RFC 7677/RFC 8265 replace SASLprep with the PRECIS OpaqueString
 * profile; rocks.xmpp's implementation is on the classpath through jxmpp, so we use it rather
 * than an approximation. Rejects empty passwords and disallowed code points.
 */
final class PasswordPreparation {

    private PasswordPreparation() {
    }

    /** @throws IllegalArgumentException when the password is not a valid OpaqueString */
    static String prepare(String password) {
        return PrecisProfiles.OPAQUE_STRING.enforce(password);
    }
}
