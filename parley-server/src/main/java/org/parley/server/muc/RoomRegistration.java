package org.parley.server.muc;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * Registering with a room (XEP-0045 §7.10 over XEP-0077): the user submits the muc#register form
 * with the nickname they want; an unaffiliated user becomes a member, and the nickname is reserved
 * for them, so anyone else entering or renaming to it gets conflict. {@code <remove/>} gives the
 * nickname up (the membership stays: only admins change the member list). Registering cannot be a
 * way into a members-only room: there only members, admins and owners may register (reserve a
 * nickname); outcasts never.
 */
final class RoomRegistration {

    static final String NICK_FIELD = "muc#register_roomnick";

    private final AffiliationChange affiliations = new AffiliationChange();

    void handle(Room room, Stanza iq, Element query) {
        BareJid user = iq.from().asBareJid();
        Affiliation current = room.affiliations.of(user);
        if (current == Affiliation.OUTCAST) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "You are banned from this room");
        }
        if (room.config.membersOnly() && !current.atLeast(Affiliation.MEMBER)) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED,
                    "This room is for members only; ask an owner or admin for an invitation");
        }
        if ("get".equals(iq.type())) {
            room.host().send(Stanzas.result(iq, form(room.affiliations.reservedNick(user))));
        } else if (query.child("remove", Namespaces.REGISTER).isPresent()) {
            room.affiliations.release(user);
            room.persist();
            room.host().send(Stanzas.result(iq));
        } else {
            register(room, iq, query, user, current);
        }
    }

    /** XEP-0077 §3.1: the form; for a registered user (§3.2) with {@code <registered/>} and the current nickname. */
    private static Element form(Resourcepart reserved) {
        Element.Builder q = Element.builder("query", Namespaces.REGISTER);
        if (reserved != null) {
            q.child(Element.of("registered", Namespaces.REGISTER));
        }
        q.textChild("instructions", "Choose the nickname to reserve for you in this room.");
        q.child(new DataForm.Builder("form", MucNamespaces.REGISTER, "Room registration")
                .instructions("Nobody else may use the nickname you register here.")
                .required(NICK_FIELD, "text-single", "Desired nickname", reserved == null ? null : reserved.toString())
                .build());
        return q.build();
    }

    private void register(Room room, Stanza iq, Element query, BareJid user, Affiliation current) {
        Element x = query.child("x", Namespaces.DATA_FORMS).orElse(null);
        if (x == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Registration takes the muc#register form");
        }
        DataForm form = DataForm.parse(x);
        if ("cancel".equals(form.type())) {
            room.host().send(Stanzas.result(iq));
            return;
        }
        if (!"submit".equals(form.type())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Expected a form of type submit");
        }
        if (form.formType() != null && !MucNamespaces.REGISTER.equals(form.formType())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "FORM_TYPE must be " + MucNamespaces.REGISTER);
        }
        Resourcepart nick = nickname(form.text(NICK_FIELD));
        StanzaErrorException conflict = NickConflictPolicy.conflict(room, nick, user);
        if (conflict != null) {
            throw conflict;
        }
        if (current == Affiliation.NONE) {
            // §7.10: registering makes the user a member; occupants see the new affiliation.
            affiliations.apply(room, user, Affiliation.MEMBER, null, null);
        }
        room.affiliations.reserve(user, nick);
        room.persist();
        room.host().send(Stanzas.result(iq));
    }

    private static Resourcepart nickname(String value) {
        if (value == null || value.isBlank()) {
            throw DataForm.invalid(NICK_FIELD, "is required");
        }
        Resourcepart nick = Resourcepart.fromOrNull(value);
        String problem = nick == null ? "is not a valid nickname" : NicknamePolicy.problem(nick.toString());
        if (problem != null) {
            throw DataForm.invalid(NICK_FIELD, nick == null ? problem : "is refused: " + problem);
        }
        return nick;
    }
}
