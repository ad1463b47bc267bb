package org.parley.server.directory;

/**
 * One user as the directory describes them, after attribute mapping. Any property the
 * directory does not hold is null.
 *
 * @param dn           the entry's distinguished name (for binds and group membership)
 * @param rawUserId    the mapped user ID attribute as stored in the directory
 * @param userId       the Parley user ID derived from it (a PRECIS-normalised localpart), or
 *                     null when it yields no valid one (reported by {@code users check})
 * @param directoryUri the user's directory URI (mail or SIP address without "sip:"), lower case
 * @param photo        JPEG bytes for the vCard, or null
 * @param account      the Parley account name under the address scheme ({@code addressing.scheme}):
 *                     the user ID, or the account name of the directory URI's JID; null when the
 *                     user has no valid address under the scheme (skipped by sync, refused at sign-in)
 */
public record DirectoryUser(String dn, String rawUserId, String userId, String displayName, String email,
                            String phone, String department, String directoryUri, byte[] photo, String account) {

    /** A user under the userid scheme: the account is the user ID. */
    public DirectoryUser(String dn, String rawUserId, String userId, String displayName, String email,
                         String phone, String department, String directoryUri, byte[] photo) {
        this(dn, rawUserId, userId, displayName, email, phone, department, directoryUri, photo, userId);
    }
}
