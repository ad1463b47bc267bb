package org.parley.server.domain;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.DomainBareJid;

/**
 * The DNS SRV records a served domain needs, in zone-file form (RFC 2782): client connections
 * with STARTTLS (RFC 6120 §3.2.1), direct TLS (XEP-0368) and server-to-server. Every record
 * points at the one host this node answers on.
 *
 * @param host          the target host (a name, not an address: SRV targets must be names)
 * @param clientPort    c2s STARTTLS port
 * @param directTlsPort c2s direct-TLS port; 0 or less: not offered, no record
 * @param serverPort    s2s port
 */
public record SrvRecords(String host, int clientPort, int directTlsPort, int serverPort) {

    private static final int TTL = 3600;

    public List<String> of(DomainBareJid domain) {
        List<String> out = new ArrayList<>();
        out.add(record("_xmpp-client._tcp", domain, clientPort));
        if (directTlsPort > 0) {
            out.add(record("_xmpps-client._tcp", domain, directTlsPort));
        }
        out.add(record("_xmpp-server._tcp", domain, serverPort));
        return List.copyOf(out);
    }

    private String record(String service, DomainBareJid domain, int port) {
        // priority 0 (only target), weight 5; names absolute (trailing dot).
        return service + "." + domain + ". " + TTL + " IN SRV 0 5 " + port + " " + host + ".";
    }
}
