package org.parley.server.contacts;

/**
 * Why part of an import file was refused.
 *
 * @param line 1-based line in {@code file} where the bad row or element starts
 * @param user the user the row belongs to, or null when it could not be told
 */
public record ImportProblem(String file, int line, String user, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + (user == null ? "" : user + ": ") + message;
    }
}
