package org.parley.server.c2s;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.util.Base64;
import java.util.Random;
import org.jxmpp.jid.DomainBareJid;
import org.parley.server.core.Domains;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.xml.Namespaces;
import org.parley.xml.StreamErrorCondition;
import org.parley.xml.StreamHeader;

/** Checks a client's stream header (RFC 6120 §4.7) and builds the server's answering header. */
final class StreamHeaders {

    private StreamHeaders() {
    }

    /** Why this client header cannot open a stream to {@code domain}, or null when it can. */
    static StreamErrorCondition problem(StreamHeader header, DomainBareJid domain) {
        if (!Namespaces.CLIENT.equals(header.defaultNamespace())) {
            return StreamErrorCondition.INVALID_NAMESPACE;
        }
        // A missing 'to' is tolerated (it SHOULD be present, §4.7.2) and means our domain.
        if (header.to() != null && !isDomain(header.to(), domain)) {
            return StreamErrorCondition.HOST_UNKNOWN;
        }
        if (!isVersionOne(header.version())) {
            return StreamErrorCondition.UNSUPPORTED_VERSION;
        }
        return null;
    }

    /**
     * The served domain a client header opens a stream to: its 'to' when that is one of ours,
     * the default domain when it names none, null for a domain we do not serve.
     */
    static DomainBareJid servedDomain(StreamHeader header, Domains domains) {
        if (header.to() == null) {
            return domains.defaultDomain();
        }
        try {
            DomainBareJid to = JidCreate.domainBareFrom(header.to());
            return domains.isLocal(to) ? to : null;
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isDomain(String to, DomainBareJid domain) {
        try {
            return JidCreate.domainBareFrom(to).equals(domain);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Major version 1 (any minor: we answer 1.0, the highest we speak, §4.7.5). A missing version
     * means a pre-RFC 3920 client, which could not negotiate TLS or SASL with us.
     */
    private static boolean isVersionOne(String version) {
        if (version == null) {
            return false;
        }
        int dot = version.indexOf('.');
        String major = (dot < 0 ? version : version.substring(0, dot)).strip();
        // Leading zeros do not count ("01.0" is 1.0); a loop rather than a regex compiled per header.
        int digits = 0;
        while (digits < major.length() - 1 && major.charAt(digits) == '0') {
            digits++;
        }
        return major.substring(digits).equals("1");
    }

    /**
     * Our header and the stream features as one buffer, so they leave in one TLS record and one
     * send (three times per sign-in) rather than two.
     */
    static ByteBuf opening(ByteBufAllocator alloc, String header, byte[] features) {
        ByteBuf out = alloc.buffer(ByteBufUtil.utf8MaxBytes(header) + features.length);
        ByteBufUtil.writeUtf8(out, header);
        return out.writeBytes(features);
    }

    /**
     * The server's header: from our domain, to the client's 'from' when it gave one, a fresh
     * unguessable id (§4.7.3), and the client's language or English.
     */
    static String response(StreamHeader client, DomainBareJid domain, Random random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String lang = client == null || client.lang() == null ? "en" : client.lang();
        String to = client == null ? null : client.from();
        return new StreamHeader(to, domain.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(id),
                "1.0", lang, Namespaces.CLIENT).toXml(true);
    }

    /**
     * The end of our stream: our header when none was sent yet ({@code headerDomain} non-null,
     * RFC 6120 §4.9.1.1), the stream error when a condition is given, then the closing tag.
     */
    static String closing(DomainBareJid headerDomain, Random random, StreamErrorCondition condition, String text) {
        StringBuilder out = new StringBuilder(256);
        if (headerDomain != null) {
            out.append(response(null, headerDomain, random));
        }
        if (condition != null) {
            out.append(condition.toXml(text));
        }
        return out.append("</stream:stream>").toString();
    }
}
