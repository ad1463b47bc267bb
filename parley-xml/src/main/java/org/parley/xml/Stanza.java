package org.parley.xml;

import java.nio.charset.StandardCharsets;
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
 *
 * <p>A copy made by {@link #withTo} remembers the stanza it was made from, its origin, so that
 * {@link #toUtf8} serialises a fan-out (one stanza to many addressees) once: the origin keeps a
 * {@link StanzaTemplate} and each copy only encodes its own 'to'.
 */
public final class Stanza {

    private final Element element;
    private final StanzaKind kind;
    private final Jid from;
    private final Jid to;
    /** The stanza this one equals but for the 'to' value (see withTo), or null. */
    private final Stanza origin;
    /**
     * Computed on first use by a copy, then shared by all copies. A benign race: the template is
     * immutable (final fields), so a thread sees either null (and computes an equal one) or all of it.
     */
    private StanzaTemplate template;

    private Stanza(Element element, StanzaKind kind, Jid from, Jid to, Stanza origin) {
        this.element = element;
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.origin = origin;
    }

    /** Wraps a top-level element received from a peer, validating its name and addresses. */
    public static Stanza parse(Element element) throws InvalidStanzaException {
        return parse(element, null);
    }

    /** As {@link #parse(Element)}, reusing addresses parsed before ({@code jids} may be null). */
    public static Stanza parse(Element element, JidCache jids) throws InvalidStanzaException {
        StanzaKind kind = StanzaKind.ofElementName(element.name());
        if (kind == null) {
            throw new InvalidStanzaException(StanzaErrorCondition.BAD_REQUEST,
                    "not a stanza: " + element.name());
        }
        return new Stanza(element, kind, jid(element.attribute("from"), jids), jid(element.attribute("to"), jids), null);
    }

    /** Wraps an element the server built itself, whose addresses are known to be valid. */
    public static Stanza of(Element element) {
        try {
            return parse(element);
        } catch (InvalidStanzaException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Jid jid(String value, JidCache jids) throws InvalidStanzaException {
        if (value == null) {
            return null;
        }
        try {
            return jids != null ? jids.parse(value) : JidCreate.from(value);
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
                kind, newFrom, to, null);
    }

    public Stanza withTo(Jid newTo) {
        if (Objects.equals(to, newTo)) {
            return this;
        }
        // Element.withAttribute keeps the position of an existing 'to' and appends a new one last,
        // which is where the origin's template has its slot.
        Stanza newOrigin = newTo == null ? null : origin != null ? origin : this;
        return new Stanza(element.withAttribute("to", newTo == null ? null : newTo.toString()),
                kind, from, newTo, newOrigin);
    }

    public Stanza withElement(Element newElement) {
        return new Stanza(newElement, kind, from, to, null);
    }

    /** The stanza as XML inside a c2s stream, whose default namespace is jabber:client. */
    public String toXml() {
        return element.toXml(Namespaces.CLIENT);
    }

    /**
     * The stanza as UTF-8, byte for byte {@code toXml()}. A copy made by {@link #withTo} reuses its
     * origin's serialisation; any other stanza is serialised here (and not kept, so that stanzas
     * held for long, such as a resource's last presence, do not also hold their bytes).
     */
    public StanzaBytes toUtf8() {
        if (origin != null) {
            return origin.template().fill(element.attribute("to"));
        }
        StanzaTemplate t = template;
        if (t != null && to != null) {
            return t.fill(element.attribute("to")); // an origin delivered itself too, after some copies
        }
        return StanzaBytes.whole(toXml().getBytes(StandardCharsets.UTF_8));
    }

    private StanzaTemplate template() {
        StanzaTemplate t = template;
        if (t == null) {
            t = StanzaTemplate.of(element);
            template = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return toXml();
    }
}
