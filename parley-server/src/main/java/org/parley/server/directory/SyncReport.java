package org.parley.server.directory;

/**
 * What one directory sync did.
 *
 * @param seen        user entries the directory returned
 * @param invalid     entries whose user ID attribute yields no valid username (skipped)
 * @param duplicates  entries whose user ID another entry already took in this sync (skipped)
 * @param rosterItems roster rows changed by shared groups
 */
public record SyncReport(int seen, int created, int updated, int unchanged, int deactivated, int invalid,
                         int duplicates, int rosterItems, long millis) {
}
