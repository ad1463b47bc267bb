package org.parley.server.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.parley.server.roster.RosterItem;
import org.parley.server.roster.StoredStanza;

/** Contact lists in the admin API's JSON ({@code openapi.yaml}, schema UserContacts), both ways. */
public final class ContactsJson {

    private final ObjectMapper mapper;

    public ContactsJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ArrayNode toJson(List<UserContacts> users) {
        ArrayNode out = mapper.createArrayNode();
        for (UserContacts u : users) {
            ObjectNode user = out.addObject().put("user", u.user());
            ArrayNode items = user.putArray("items");
            for (RosterItem i : u.items()) {
                ObjectNode item = items.addObject().put("jid", i.jid().toString());
                if (i.name() != null) {
                    item.put("name", i.name());
                }
                ArrayNode groups = item.putArray("groups");
                i.groups().forEach(groups::add);
                item.put("subscription", i.subscription().value());
                if (i.pendingOut()) {
                    item.put("ask", "subscribe");
                }
                item.put("approved", i.approved()).put("pendingIn", i.pendingIn()).put("listed", i.listed());
                if (i.pendingInStanza() != null) {
                    item.put("pendingInStanza", i.pendingInStanza());
                }
            }
        }
        return out;
    }

    private static String stanza(String xml) {
        if (xml != null && StoredStanza.decode(xml) == null) {
            throw new IllegalArgumentException("pendingInStanza is not a stanza");
        }
        return xml;
    }

    /** Reads an array of user contact lists; IllegalArgumentException names the first bad value. */
    public List<UserContacts> fromJson(JsonNode users) {
        if (users == null || !users.isArray()) {
            throw new IllegalArgumentException("'users' must be an array");
        }
        List<UserContacts> out = new ArrayList<>();
        for (JsonNode u : users) {
            String user = ContactFields.user(u.path("user").asText(""));
            List<RosterItem> items = new ArrayList<>();
            for (JsonNode i : u.path("items")) {
                try {
                    List<String> groups = new ArrayList<>();
                    i.path("groups").forEach(g -> groups.add(g.asText()));
                    items.add(new RosterItem(ContactFields.contact(i.path("jid").asText(null)),
                            ContactFields.name(i.path("name").asText(null)), groups,
                            ContactFields.subscription(i.path("subscription").asText(null)),
                            ContactFields.ask(i.path("ask").asText(null)), i.path("pendingIn").asBoolean(false),
                            i.path("approved").asBoolean(false), i.path("listed").asBoolean(true),
                            stanza(i.path("pendingInStanza").asText(null))));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(user + ": " + e.getMessage(), e);
                }
            }
            out.add(new UserContacts(user, items));
        }
        return out;
    }
}
