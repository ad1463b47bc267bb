package org.parley.server.adhoc;

import java.util.List;
import java.util.Set;

/**
 * A command's answer to one stage: still executing (a form to fill, the actions allowed next,
 * state to keep for the next stage) or completed (notes for the user, an optional result form).
 */
public record CommandStep(boolean completed, DataForm form, List<Note> notes, Set<CommandAction> actions,
                          CommandAction defaultAction, Object state) {

    /** XEP-0050 §4.3 note types: info, warn, error. */
    public record Note(String type, String text) {
    }

    public CommandStep {
        notes = List.copyOf(notes);
        actions = Set.copyOf(actions);
    }

    /** A stage waiting for the form; the only next action is complete (a one-form command). */
    public static CommandStep form(DataForm form, Object state) {
        return new CommandStep(false, form, List.of(), Set.of(CommandAction.COMPLETE), CommandAction.COMPLETE, state);
    }

    public static CommandStep done(String info) {
        return new CommandStep(true, null, List.of(new Note("info", info)), Set.of(), null, null);
    }
}
