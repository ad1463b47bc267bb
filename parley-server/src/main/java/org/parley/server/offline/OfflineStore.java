package org.parley.server.offline;

import java.time.Instant;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.parley.xml.Stanza;

/** Stored messages for users who were offline (XEP-0160). Every method blocks: call it on the blocking pool. */
public interface OfflineStore {

    /** Stores {@code message} unless the user is unknown or already has {@code maxMessages} stored. */
    Outcome store(EntityBareJid user, Stanza message, Instant storedAt, int maxMessages);

    /** The user's stored messages, oldest first. */
    List<StoredMessage> load(EntityBareJid user);

    /** Deletes the given messages (after they were handed to a session). */
    void delete(EntityBareJid user, List<Long> ids);

    int count(EntityBareJid user);

    /** Whether no message is stored for anyone. */
    boolean isEmpty();

    /** What {@link #store} did. */
    enum Outcome { STORED, FULL, NO_SUCH_USER }

    /** One stored message with its storage id (delivery order). */
    record StoredMessage(long id, Stanza message) {
    }
}
