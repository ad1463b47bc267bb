package org.parley.server.richpresence;

import org.parley.server.core.UserHub;
import org.parley.server.presence.Availability;
import org.parley.server.presence.PresenceSource;
import org.parley.server.presence.Show;

/**
 * Phone activity: a line off-hook or a phone in do-not-disturb makes the user dnd with a status
 * text; idle or ringing lines have no opinion (a ringing phone does not make anyone busy yet).
 */
final class PhoneSource implements PresenceSource {

    private final PresenceInputs inputs;
    private final int precedence;
    private final StatusTexts texts;

    PhoneSource(PresenceInputs inputs, int precedence, StatusTexts texts) {
        this.inputs = inputs;
        this.precedence = precedence;
        this.texts = texts;
    }

    @Override
    public int precedence() {
        return precedence;
    }

    @Override
    public Availability opinion(UserHub hub) {
        String text = texts.phone(inputs.get(hub.user()).phone());
        return text == null ? null : new Availability(Show.DND, text);
    }
}
