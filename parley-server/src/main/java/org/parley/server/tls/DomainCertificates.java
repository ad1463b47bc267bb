package org.parley.server.tls;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads per-domain certificates from a directory ({@code tls.domainCertificates}): for each
 * domain a {@code <domain>.crt} (PEM chain, leaf first) with its {@code <domain>.key}, the
 * layout many XMPP servers use. A certificate without its key is an error, not a silent skip.
 */
public final class DomainCertificates {

    private final CertificateStore store;

    public DomainCertificates(Clock clock, SecureRandom random) {
        this.store = new CertificateStore(clock, random);
    }

    public List<ServerIdentities.DomainIdentity> load(Path directory) throws IOException {
        List<ServerIdentities.DomainIdentity> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            throw new IOException("tls.domainCertificates: " + directory + " is not a directory");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.crt")) {
            for (Path crt : files) {
                String name = crt.getFileName().toString();
                String domain = name.substring(0, name.length() - ".crt".length());
                Path key = directory.resolve(domain + ".key");
                if (!Files.exists(key)) {
                    throw new IOException(crt + " has no key: expected " + key);
                }
                out.add(new ServerIdentities.DomainIdentity(domain, store.load(crt, key)));
            }
        }
        out.sort((a, b) -> a.domain().compareTo(b.domain()));
        return out;
    }
}
