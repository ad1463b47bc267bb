package org.parley.xml;

import java.util.Objects;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * A message, presence or iq: an immutable element plus its parsed, validated addresses.
 *
 * <p>Addresses are parsed once, at the edge, so that every later stage can trust them and a bad
 * JID is answered with {@code jid-malformed} in one place. {@link #withFrom} and {@link #withTo}
 * return copies: the session stamps {@code from} without touching what others may hold.
 */
public final class Stanza {

    private final Element element;
    private final StanzaKind kind;
    private final Jid from;
    private final Jid to;

    private Stanza(Element element, StanzaKind kind, Jid from, Jid to) {
        this.element = element;
        this.kind = kind;
        this.from = from;
        this.to = to;
    }

    /** Wraps a top-level element received from a peer, validating its name and addresses. */
    public static Stanza parse(Element element) throws InvalidStanzaException {
        StanzaKind kind = StanzaKind.ofElementName(element.name());
        if (kind == null) {
            throw new InvalidStanzaException(StanzaErrorCondition.BAD_REQUEST,
                    "not a stanza: " + element.name());
        }
        return new Stanza(element, kind, jid(element.attribute("from")), jid(element.attribute("to")));
    }

    /** Wraps an element the server built itself, whose addresses are known to be valid. */
    public static Stanza of(Element element) {
        try {
            return parse(element);
        } catch (InvalidStanzaException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Jid jid(String value) throws InvalidStanzaException {
        if (value == null) {
            return null;
        }
        try {
            return JidCreate.from(value);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new InvalidStanzaException(StanzaErrorCondition.JID_MALFORMED, "bad JID: " + value);
        }
    }

    public Element element() {
        return element;
    }

    public StanzaKind kind() {
        return kind;
    }

    /** The sender, or null when the stanza carries none. */
    public Jid from() {
        return from;
    }

    /** The addressee, or null: a stanza without 'to' is for the sender's own account or the server. */
    public Jid to() {
        return to;
    }

    public String id() {
        return element.attribute("id");
    }

    /** The type attribute, or null when absent (for a message that means "normal"). */
    public String type() {
        return element.attribute("type");
    }

    public boolean isMessage() {
        return kind == StanzaKind.MESSAGE;
    }

    public boolean isPresence() {
        return kind == StanzaKind.PRESENCE;
    }

    public boolean isIq() {
        return kind == StanzaKind.IQ;
    }

    /** An iq of type get or set, which must be answered. */
    public boolean isIqRequest() {
        return kind == StanzaKind.IQ && ("get".equals(type()) || "set".equals(type()));
    }

    public boolean isError() {
        return "error".equals(type());
    }

    public Stanza withFrom(Jid newFrom) {
        if (Objects.equals(from, newFrom)) {
            return this;
        }
        return new Stanza(element.withAttribute("from", newFrom == null ? null : newFrom.toString()),
                kind, newFrom, to);
    }

    public Stanza withTo(Jid newTo) {
        if (Objects.equals(to, newTo)) {
            return this;
        }
        return new Stanza(element.withAttribute("to", newTo == null ? null : newTo.toString()),
                kind, from, newTo);
    }

    public Stanza withElement(Element newElement) {
        return new Stanza(newElement, kind, from, to);
    }

    /** The stanza as XML inside a c2s stream, whose default namespace is jabber:client. */
    public String toXml() {
        return element.toXml(Namespaces.CLIENT);
    }

    @Override
    public String toString() {
        return toXml();
    }
}
