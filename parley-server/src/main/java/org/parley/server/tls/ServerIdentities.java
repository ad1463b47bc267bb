package org.parley.server.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificates the server presents: the main one, and per-domain ones an operator supplied
 * ({@code tls.domainCertificates}), chosen by the name a client asks for in its TLS handshake
 * (SNI, RFC 6066 §3). The main one may be replaced while the server runs (a self-signed
 * certificate generated again when the served domains change): connections made afterwards
 * get the new one. Thread-safe; reads never lock.
 */
public final class ServerIdentities {

    /** A per-domain certificate: the domain its files are named for, and the names it covers. */
    public record DomainIdentity(String domain, TlsIdentity identity) {
        public DomainIdentity {
            domain = domain.toLowerCase(Locale.ROOT);
        }
    }

    private volatile TlsIdentity main;
    private final List<DomainIdentity> perDomain;
    private final List<List<String>> perDomainNames;
    // Every identity ever presented, by alias (its fingerprint): a handshake that chose an alias
    // just before the main certificate was replaced still finds its key.
    private final Map<String, TlsIdentity> byAlias = new ConcurrentHashMap<>();

    public ServerIdentities(TlsIdentity main, List<DomainIdentity> perDomain) {
        this.main = Objects.requireNonNull(main, "main");
        this.perDomain = List.copyOf(perDomain);
        List<List<String>> names = new ArrayList<>();
        for (DomainIdentity d : this.perDomain) {
            names.add(CertificateNames.of(d.identity().certificate()));
            byAlias.put(alias(d.identity()), d.identity());
        }
        this.perDomainNames = List.copyOf(names);
        byAlias.put(alias(main), main);
    }

    /** Only a main certificate. */
    public static ServerIdentities of(TlsIdentity main) {
        return new ServerIdentities(main, List.of());
    }

    public TlsIdentity main() {
        return main;
    }

    public List<DomainIdentity> perDomain() {
        return perDomain;
    }

    /** Presents {@code identity} as the main certificate from now on. */
    public void replaceMain(TlsIdentity identity) {
        byAlias.put(alias(identity), identity);
        main = identity;
    }

    /**
     * The certificate for a client that asked for {@code host} (null: it sent no SNI): the
     * per-domain certificate named for that domain, else one whose names cover it, else the main one.
     */
    public TlsIdentity select(String host) {
        if (host != null && !host.isEmpty()) {
            String h = host.toLowerCase(Locale.ROOT);
            for (DomainIdentity d : perDomain) {
                if (d.domain().equals(h)) {
                    return d.identity();
                }
            }
            for (int i = 0; i < perDomain.size(); i++) {
                if (CertificateNames.covers(perDomainNames.get(i), h)) {
                    return perDomain.get(i).identity();
                }
            }
        }
        return main;
    }

    /** The key-manager alias of an identity. */
    static String alias(TlsIdentity identity) {
        return identity.fingerprintSha256();
    }

    /** The identity behind an alias {@link #alias} gave, or null. */
    TlsIdentity byAlias(String alias) {
        return alias == null ? null : byAlias.get(alias);
    }
}
