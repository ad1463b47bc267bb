package org.parley.server.muc;

import java.util.List;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/** IQs to a room, by payload namespace: disco, muc#admin, muc#owner, MAM, registration. */
final class RoomIqHandler {

    private final RoomDisco disco;
    private final AdminIq admin;
    private final OwnerIq owner;
    private final ArchiveIq archive;
    private final OccupantIqRelay relay = new OccupantIqRelay();
    private final RoomRegistration registration = new RoomRegistration();

    RoomIqHandler(RoomDisco disco, AdminIq admin, OwnerIq owner, ArchiveIq archive) {
        this.disco = disco;
        this.admin = admin;
        this.owner = owner;
        this.archive = archive;
    }

    void handle(Room room, Stanza iq) {
        if (!iq.isIqRequest()) {
            if (iq.to().hasResource()) {
                relay.answer(room, iq);
            }
            return;
        }
        if (iq.to().hasResource()) {
            relay.request(room, iq);
            return;
        }
        List<Element> payload = iq.element().elements();
        if (payload.size() != 1) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An iq request needs exactly one child element");
        }
        Element query = payload.get(0);
        switch (query.namespace()) {
            case Namespaces.DISCO_INFO -> disco.info(room, iq, query);
            case Namespaces.DISCO_ITEMS -> disco.items(room, iq, query);
            case MucNamespaces.MUC_ADMIN -> admin.handle(room, iq, query);
            case MucNamespaces.MUC_OWNER -> owner.handle(room, iq, query);
            case MucNamespaces.MAM -> archive.handle(room, iq, query);
            case Namespaces.REGISTER -> registration.handle(room, iq, query);
            default -> throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
    }
}
