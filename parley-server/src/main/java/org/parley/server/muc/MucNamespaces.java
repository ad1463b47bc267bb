package org.parley.server.muc;

/** The namespaces of the chat-room protocols (XEP-0045, 0249, 0313, 0059, 0359, 0055). */
public final class MucNamespaces {

    private MucNamespaces() {
    }

    public static final String MUC = "http://jabber.org/protocol/muc";
    public static final String MUC_USER = MUC + "#user";
    public static final String MUC_ADMIN = MUC + "#admin";
    public static final String MUC_OWNER = MUC + "#owner";
    public static final String ROOMCONFIG = MUC + "#roomconfig";
    public static final String ROOMINFO = MUC + "#roominfo";
    /** FORM_TYPE of voice requests and their approval (XEP-0045 §7.13, §8.6). */
    public static final String REQUEST = MUC + "#request";
    /** FORM_TYPE of room registration (XEP-0045 §7.10). */
    public static final String REGISTER = MUC + "#register";
    /** The disco#info node that tells a user their registered nickname (XEP-0045 §7.11). */
    public static final String ROOMUSER_NODE = "x-roomuser-item";
    /** XEP-0249 direct invitations. */
    public static final String CONFERENCE = "jabber:x:conference";
    public static final String MAM = "urn:xmpp:mam:2";
    public static final String RSM = "http://jabber.org/protocol/rsm";
    /** XEP-0359 unique and stable stanza ids: the archive id of each room message. */
    public static final String STANZA_ID = "urn:xmpp:sid:0";
    /** XEP-0055 search, used for room search on the service. */
    public static final String SEARCH = "jabber:iq:search";
    /** XEP-0431 full-text search field of a MAM query. */
    public static final String FULLTEXT_FIELD = "{urn:xmpp:fulltext:0}fulltext";
}
