package org.parley.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-signed certificate of a node without a configured one ({@code <dataDir>/tls/}), kept
 * naming every served domain with its services: generated at first start, generated again at
 * start-up or while running when the served names change, and put in front of new handshakes
 * through {@link ServerIdentities}. Clients that pinned the old certificate must accept the new
 * one, which is why the log names its fingerprint.
 */
public final class GeneratedCertificate {

    private static final Logger log = LoggerFactory.getLogger(GeneratedCertificate.class);

    private final CertificateStore store;
    private final Path certificate;
    private final Path key;
    private final Supplier<List<String>> names;

    /** @param names the DNS names to cover, the default domain first */
    public GeneratedCertificate(CertificateStore store, Path certificate, Path key, Supplier<List<String>> names) {
        this.store = store;
        this.certificate = certificate;
        this.key = key;
        this.names = names;
    }

    /** The certificate in the files, generated (again) when missing or not naming every served name. */
    public TlsIdentity load() throws IOException {
        return store.loadOrGenerate(certificate, key, names.get());
    }

    /**
     * After the served domains changed: generates a certificate for the new names when the
     * current one does not cover them, or names more than them (a removed domain), and presents it.
     */
    public synchronized void refresh(ServerIdentities identities) {
        List<String> wanted = names.get();
        List<String> have = CertificateNames.of(identities.main().certificate());
        boolean same = have.size() == wanted.stream().distinct().count()
                && CertificateNames.coversAll(identities.main().certificate(), wanted);
        if (same) {
            return;
        }
        try {
            TlsIdentity renewed = store.generate(certificate, key, wanted);
            identities.replaceMain(renewed);
            log.info("served domains changed: new self-signed certificate for {}, SHA-256 {}", wanted,
                    renewed.fingerprintSha256());
        } catch (IOException | RuntimeException e) {
            log.error("cannot generate a certificate for {}; still presenting the old one", wanted, e);
        }
    }
}
