package org.parley.server.directory;

/**
 * One user as the directory describes them, after attribute mapping. Any property the
 * directory does not hold is null.
 *
 * @param dn           the entry's distinguished name (for binds and group membership)
 * @param rawUserId    the mapped user ID attribute as stored in the directory
 * @param userId       the Parley username derived from it (a PRECIS-normalised localpart), or
 *                     null when it yields no valid one (reported by {@code users check}, skipped by sync)
 * @param directoryUri the user's directory URI (mail or SIP address without "sip:"), lower case
 * @param photo        JPEG bytes for the vCard, or null
 */
public record DirectoryUser(String dn, String rawUserId, String userId, String displayName, String email,
                            String phone, String department, String directoryUri, byte[] photo) {
}
