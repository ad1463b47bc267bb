package org.parley.server.richpresence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.EntityBareJid;

/**
 * The rich-presence inputs of every user, in memory, where the composer reads them. Phone and
 * application states are also written behind to the database ({@link InputPersistence}) and
 * restored at start; the calendar is re-read by the poller and manual presence does not outlive
 * the user's sessions. Users with no input take no space.
 */
public final class PresenceInputs {

    private final Map<EntityBareJid, UserInputs> inputs = new ConcurrentHashMap<>();

    public UserInputs get(EntityBareJid user) {
        return inputs.getOrDefault(user, UserInputs.NONE);
    }

    /** Applies {@code change} atomically; returns whether the user's inputs changed. */
    public boolean update(EntityBareJid user, UnaryOperator<UserInputs> change) {
        boolean[] changed = new boolean[1];
        inputs.compute(user, (k, before) -> {
            UserInputs old = before == null ? UserInputs.NONE : before;
            UserInputs after = change.apply(old);
            changed[0] = !after.equals(old);
            return after.isEmpty() ? null : after;
        });
        return changed[0];
    }
}
