package org.parley.server.richpresence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.EntityBareJid;

/**
 * The rich-presence inputs of every user, in memory: phone, calendar and application states are
 * re-published by their sources (gateway, poller, apps) and manual presence does not outlive the
 * user's sessions, so nothing here needs to survive a restart. Users with no input take no space.
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
