package org.parley.server.muc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/**
 * Voice requests (XEP-0045 §7.13, §8.6). A visitor of a moderated room sends the room a muc#request
 * form asking for the participant role; the room forwards an approval form to every moderator; a
 * moderator who submits it with {@code muc#request_allow} true gives the visitor voice, exactly as
 * a role change to participant would (§8.3). An occupant asks at most once a minute, so that a
 * visitor cannot flood the moderators; a request without voice to gain is ignored.
 */
final class VoiceRequests {

    static final Duration REPEAT_AFTER = Duration.ofMinutes(1);

    private final ModerationPolicy moderation;

    VoiceRequests(ModerationPolicy moderation) {
        this.moderation = moderation;
    }

    /** Whether {@code message} carries a muc#request form (a request or an approval). */
    static boolean isVoiceForm(Stanza message) {
        return form(message) != null;
    }

    private static Element form(Stanza message) {
        for (Element x : message.element().children("x", Namespaces.DATA_FORMS)) {
            if (MucNamespaces.REQUEST.equals(DataForm.parse(x).formType())) {
                return x;
            }
        }
        return null;
    }

    void handle(Room room, Stanza message, Occupant sender) {
        DataForm form = DataForm.parse(form(message));
        if (!"submit".equals(form.type())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Expected a form of type submit");
        }
        if (form.has("muc#request_allow")) {
            approve(room, sender, form);
        } else {
            request(room, message, sender, form);
        }
    }

    private void request(Room room, Stanza message, Occupant sender, DataForm form) {
        if (sender == null) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "Only occupants may ask for voice");
        }
        if (!Role.PARTICIPANT.xmlValue().equals(form.text("muc#role"))) {
            throw DataForm.invalid("muc#role", "must be participant: only voice can be requested");
        }
        if (sender.role() != Role.VISITOR) {
            return;
        }
        Instant now = room.host().clock().instant();
        Instant last = room.voiceRequests.get(sender.nick());
        if (last != null && now.isBefore(last.plus(REPEAT_AFTER))) {
            return;
        }
        room.voiceRequests.put(sender.nick(), now);
        Stanza approval = approvalForm(room, sender, message);
        for (Occupant o : room.occupants.all()) {
            if (o.role() == Role.MODERATOR) {
                room.deliver(o, approval);
            }
        }
    }

    /** §8.6: what moderators receive; submitting it back with muc#request_allow true grants voice. */
    private static Stanza approvalForm(Room room, Occupant visitor, Stanza request) {
        Element form = new DataForm.Builder("form", MucNamespaces.REQUEST, "Voice request")
                .instructions(visitor.nick() + " asks for voice. To grant it, check the box and submit; to refuse, cancel.")
                // Required, so that clients send them back with the answer (Smack, for one, submits only
                // the fields it changed plus the required ones): they say whom the answer is about.
                .required("muc#role", "text-single", "Requested role", Role.PARTICIPANT.xmlValue())
                .required("muc#jid", "jid-single", "User ID", request.from().toString())
                .required("muc#roomnick", "text-single", "Room nickname", visitor.nick().toString())
                .bool("muc#request_allow", "Grant voice to this person?", false)
                .build();
        return Stanza.of(Element.builder("message", Namespaces.CLIENT)
                .attribute("from", room.jid().toString())
                .attribute("id", UUID.randomUUID().toString())
                .child(form)
                .build());
    }

    /**
     * The occupant an approval names: by muc#roomnick, or by muc#jid when a client submitted only
     * the fields it changed (both are in the form the moderator received).
     */
    private static Occupant requester(Room room, DataForm form) {
        String nick = form.text("muc#roomnick");
        if (nick != null) {
            return room.occupants.byNick(Resourcepart.fromOrNull(nick.trim()));
        }
        String jid = form.text("muc#jid");
        if (jid == null) {
            throw DataForm.invalid("muc#roomnick", "must name the occupant asking for voice");
        }
        try {
            return room.occupants.byRealJid(org.jxmpp.jid.impl.JidCreate.from(jid.trim()));
        } catch (org.jxmpp.stringprep.XmppStringprepException | IllegalArgumentException e) {
            throw DataForm.invalid("muc#jid", "is not a JID: '" + jid + "'");
        }
    }

    private void approve(Room room, Occupant moderator, DataForm form) {
        if (moderator == null || moderator.role() != Role.MODERATOR) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only moderators may answer voice requests");
        }
        if (!form.bool("muc#request_allow", false)) {
            return; // refused: the visitor stays a visitor and may ask again later
        }
        Occupant visitor = requester(room, form);
        if (visitor == null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "The occupant who asked for voice is gone");
        }
        if (visitor.role() != Role.VISITOR) {
            return; // another moderator was quicker
        }
        moderation.checkMayChangeRole(room, moderator, visitor, Role.PARTICIPANT);
        Occupant voiced = visitor.withRole(Role.PARTICIPANT);
        room.occupants.put(voiced);
        room.voiceRequests.remove(voiced.nick());
        OccupantView.broadcast(room, voiced, false, List.of(), List.of(110),
                new ItemDetail(null, null, moderator.nick().toString()));
    }
}
