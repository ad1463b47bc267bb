package org.parley.server.muc.store;

import java.util.List;

/**
 * One page of archive results, oldest first.
 *
 * @param complete no more results lie beyond this page in the paging direction (XEP-0313 §4.3.2)
 * @param count    how many messages match the filters in all (RSM {@code <count/>})
 */
public record ArchivePage(List<ArchivedMessage> messages, boolean complete, int count) {
}
