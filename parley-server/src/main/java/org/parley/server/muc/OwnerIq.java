package org.parley.server.muc;

import java.util.List;
import java.util.Map;
import org.jxmpp.jid.BareJid;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * The owner protocol (XEP-0045 §10): the configuration form (get and submit; submitting or
 * cancelling unlocks or ends a new room) and destruction. Making a room persistent is subject
 * to muc.persistentRoomCreators and to the muc.maxPersistentRooms limit.
 */
final class OwnerIq {

    private final RoomConfigForm form = new RoomConfigForm();
    private final AffiliationChange affiliations = new AffiliationChange();
    private final RoomDestruction destruction = new RoomDestruction();
    private final ConfigChangeNotice notice = new ConfigChangeNotice();

    void handle(Room room, Stanza iq, Element query) {
        if (room.affiliationOf(iq.from()) != Affiliation.OWNER) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only owners may configure or destroy the room");
        }
        if ("get".equals(iq.type())) {
            room.host().send(Stanzas.result(iq, Element.builder("query", MucNamespaces.MUC_OWNER)
                    .child(form.build(room)).build()));
            return;
        }
        Element destroy = query.child("destroy", MucNamespaces.MUC_OWNER).orElse(null);
        Element x = query.child("x", Namespaces.DATA_FORMS).orElse(null);
        if (destroy != null) {
            room.host().send(Stanzas.result(iq));
            destruction.destroy(room, destroy.attribute("jid"), destroy.childText("reason", MucNamespaces.MUC_OWNER));
        } else if (x != null && "cancel".equals(x.attribute("type"))) {
            room.host().send(Stanzas.result(iq));
            if (room.locked) {
                // §10.1.3: cancelling the initial configuration of a new room ends it.
                destruction.destroy(room, null, null);
            }
        } else if (x != null) {
            configure(room, iq, form.read(room, x));
        } else {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Expected a data form or <destroy/>");
        }
    }

    private void configure(Room room, Stanza iq, RoomConfigForm.Submission submission) {
        RoomConfig before = room.config;
        RoomConfig after = submission.config();
        BareJid actor = iq.from().asBareJid();
        if (after.persistent() && !before.persistent()) {
            if (!room.host().mayCreatePersistent(actor)) {
                throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN,
                        "You may not create persistent rooms on this service");
            }
            if (!room.host().reservePersistent()) {
                throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED, "This service has reached its limit of "
                        + room.host().settings().maxPersistentRooms() + " persistent rooms");
            }
        }
        room.config = after;
        room.locked = false;
        boolean listsChanged = replaceList(room, submission.owners(), Affiliation.OWNER)
                | replaceList(room, submission.admins(), Affiliation.ADMIN);
        if (before.persistent() && !after.persistent()) {
            room.host().releasePersistent();
            room.host().persistence().delete(room.name());
        }
        room.persist();
        room.host().send(Stanzas.result(iq));
        if (after.membersOnly() && !before.membersOnly()) {
            for (Occupant o : room.occupants.all()) {
                if (!room.affiliationOf(o.user()).atLeast(Affiliation.MEMBER)) {
                    room.handlers().presence().leave(room, o, null, List.of(322), ItemDetail.NONE);
                }
            }
        }
        notice.send(room, before, after, listsChanged);
        room.goneIfEmpty();
    }

    /** Makes exactly {@code jids} hold {@code which}; those who lose it fall back to none. True when anything changed. */
    private boolean replaceList(Room room, List<BareJid> jids, Affiliation which) {
        if (jids == null) {
            return false;
        }
        boolean changed = false;
        for (Map.Entry<BareJid, Affiliation> e : room.affiliations.snapshot().entrySet()) {
            if (e.getValue() == which && !jids.contains(e.getKey())) {
                affiliations.apply(room, e.getKey(), Affiliation.NONE, null, null);
                changed = true;
            }
        }
        for (BareJid jid : jids) {
            if (room.affiliations.of(jid) != which) {
                affiliations.apply(room, jid, which, null, null);
                changed = true;
            }
        }
        return changed;
    }
}
