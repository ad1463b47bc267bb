package org.parley.server.richpresence;

import org.parley.server.core.event.SessionUnbound;

/**
 * The seed's sign-out rules for manual presence: it is cleared when the client that set it signs
 * out, and when the user has no signed-in IM device left. (The third rule, the user clearing or
 * replacing it, is the API's clear and set.) Runs on the user's hub, after the resource left.
 */
final class ManualClearing {

    private final RichPresence service;

    ManualClearing(RichPresence service) {
        this.service = service;
    }

    void sessionEnded(SessionUnbound e) {
        ManualStatus manual = service.inputs(e.hub().user()).manual();
        if (manual == null) {
            return;
        }
        boolean setterLeft = manual.setBy() != null
                && manual.setBy().equals(e.resource().session().jid().getResourcepart());
        if (setterLeft || e.hub().resources().isEmpty()) {
            service.clearManual(e.hub().user());
        }
    }
}
