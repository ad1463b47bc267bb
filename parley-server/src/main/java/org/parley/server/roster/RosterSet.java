package org.parley.server.roster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.StanzaErrorCondition;

/**
 * A validated roster set (RFC 6121 §2.3, §2.5): one item, a valid JID, a name and groups within
 * limits. Any 'subscription' other than "remove", and 'ask'/'approved', are the server's to set
 * and are ignored (§2.1.2.1, §2.1.2.2, §2.1.2.5).
 */
record RosterSet(BareJid contact, String name, List<String> groups, boolean remove) {

    /** Names and group names fit the roster_items columns with room to spare. */
    static final int MAX_NAME_LENGTH = 1023;
    static final int MAX_GROUP_LENGTH = 1023;
    static final int MAX_GROUPS = 64;

    static RosterSet parse(Element query) {
        List<Element> items = query.children("item", Namespaces.ROSTER);
        if (items.size() != 1 || query.elements().size() != 1) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "A roster set carries exactly one item");
        }
        Element item = items.get(0);
        BareJid contact = contact(item.attribute("jid"));
        boolean remove = "remove".equals(item.attribute("subscription"));
        String name = item.attribute("name");
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "The name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (name != null && name.isEmpty()) {
            name = null;
        }
        Set<String> groups = new LinkedHashSet<>();
        for (Element g : item.children("group", Namespaces.ROSTER)) {
            String group = g.text();
            if (group.isEmpty()) {
                throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "A group name may not be empty");
            }
            if (group.length() > MAX_GROUP_LENGTH) {
                throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                        "A group name is longer than " + MAX_GROUP_LENGTH + " characters");
            }
            if (!groups.add(group)) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Duplicate group: " + group);
            }
        }
        if (groups.size() > MAX_GROUPS) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "An item may be in at most " + MAX_GROUPS + " groups");
        }
        return new RosterSet(contact, name, new ArrayList<>(groups), remove);
    }

    private static BareJid contact(String value) {
        if (value == null || value.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "The item has no 'jid'");
        }
        Jid jid;
        try {
            jid = JidCreate.from(value);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Not a valid JID: " + value);
        }
        if (jid.hasResource()) {
            // Subscriptions are between bare JIDs (RFC 6121 §3): an item for a full JID could never be subscribed.
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "A roster item's JID is a bare JID");
        }
        return jid.asBareJid();
    }
}
