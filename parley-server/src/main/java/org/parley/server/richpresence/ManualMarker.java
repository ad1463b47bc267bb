package org.parley.server.richpresence;

import org.jxmpp.jid.EntityFullJid;
import org.parley.server.core.Interceptor;
import org.parley.server.core.Router;
import org.parley.server.core.Target;
import org.parley.server.presence.Availability;
import org.parley.server.presence.Show;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * Manual presence from any XMPP client, by a marker in a Parley namespace on its own broadcast
 * presence (see {@code docs/rich-presence.md}):
 * <pre>
 *   &lt;presence&gt;&lt;show&gt;dnd&lt;/show&gt;&lt;status&gt;Writing&lt;/status&gt;
 *     &lt;manual xmlns='urn:parley:presence:manual:0'/&gt;&lt;/presence&gt;   sets it (dnd | away | available)
 *   &lt;presence&gt;&lt;manual xmlns='urn:parley:presence:manual:0' action='clear'/&gt;&lt;/presence&gt;   clears it
 * </pre>
 * The marker is taken off and the presence goes on as the device's own presence, so contacts
 * never see the marker. The manual status remembers the sending resource: it is cleared when
 * that client signs out.
 */
final class ManualMarker implements Interceptor {

    static final String NAMESPACE = "urn:parley:presence:manual:0";
    static final String ELEMENT = "manual";

    private final RichPresence service;
    private final Router router;

    ManualMarker(RichPresence service, Router router) {
        this.service = service;
        this.router = router;
    }

    @Override
    public Decision onSent(Stanza stanza, Target target) {
        if (!stanza.isPresence() || target != Target.SELF || stanza.type() != null) {
            return Decision.CONTINUE;
        }
        Element marker = stanza.element().child(ELEMENT, NAMESPACE).orElse(null);
        EntityFullJid from = stanza.from() == null ? null : stanza.from().asEntityFullJidIfPossible();
        if (marker == null || from == null) {
            return Decision.CONTINUE;
        }
        if ("clear".equals(marker.attribute("action"))) {
            service.clearManual(from.asEntityBareJid());
        } else {
            Show show = RichPresence.manualShow(Show.of(stanza));
            String status = stanza.element().childText("status", Namespaces.CLIENT);
            service.setManual(from.asEntityBareJid(),
                    new ManualStatus(new Availability(show, status), from.getResourcepart()));
        }
        router.route(Stanza.of(stanza.element().withoutChildren(e -> e.is(ELEMENT, NAMESPACE))));
        return Decision.DROP;
    }
}
