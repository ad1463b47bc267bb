package org.parley.server.directory;

/**
 * A Parley user with the directory properties stored for them (null when unknown).
 *
 * @param source "ldap" for users created or adopted by a directory sync, else "local"
 * @param directoryUserId the user ID the directory's userId attribute yields (directory users only)
 */
public record UserRecord(String username, boolean enabled, String source, String dn, String displayName,
                         String email, String phone, String department, String directoryUri,
                         String directoryUserId) {

    public boolean fromDirectory() {
        return "ldap".equals(source);
    }
}
