package org.parley.xml;

/** XML namespaces of the protocols Parley speaks, in one place so that typos cannot hide. */
public final class Namespaces {

    private Namespaces() {
    }

    public static final String CLIENT = "jabber:client";
    public static final String SERVER = "jabber:server";
    public static final String STREAM = "http://etherx.jabber.org/streams";
    /** RFC 7395: the {@code <open/>} and {@code <close/>} elements that frame a stream over WebSocket. */
    public static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";
    public static final String XML = "http://www.w3.org/XML/1998/namespace";
    public static final String STREAMS_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    public static final String STANZAS_ERRORS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    public static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    public static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    public static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    public static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    public static final String ROSTER = "jabber:iq:roster";
    public static final String ROSTER_VERSIONING = "urn:xmpp:features:rosterver";
    public static final String PRE_APPROVAL = "urn:xmpp:features:pre-approval";
    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    public static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    public static final String PING = "urn:xmpp:ping";
    public static final String VCARD = "vcard-temp";
    public static final String VERSION = "jabber:iq:version";
    public static final String PRIVATE = "jabber:iq:private";
    public static final String REGISTER = "jabber:iq:register";
    public static final String REGISTER_FEATURE = "http://jabber.org/features/iq-register";
    public static final String TIME = "urn:xmpp:time";
    public static final String DELAY = "urn:xmpp:delay";
    public static final String OFFLINE = "http://jabber.org/protocol/offline";
    public static final String ADDRESS = "http://jabber.org/protocol/address";
    public static final String CARBONS = "urn:xmpp:carbons:2";
    public static final String FORWARD = "urn:xmpp:forward:0";
    public static final String HINTS = "urn:xmpp:hints";
    public static final String BLOCKING = "urn:xmpp:blocking";
    public static final String BLOCKING_ERRORS = "urn:xmpp:blocking:errors";
    public static final String DATA_FORMS = "jabber:x:data";
    public static final String CAPS = "http://jabber.org/protocol/caps";
    public static final String IDLE = "urn:xmpp:idle:1";
    public static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";
}
