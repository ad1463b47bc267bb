package org.parley.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Reads the server's certificate chain and key from PEM files ({@code tls.certificate},
 * {@code tls.key}), or, on a fresh install, generates a self-signed pair and writes it so the
 * next start reuses it. Keys must be unencrypted (PKCS#8 {@code PRIVATE KEY}, or the
 * traditional {@code EC}/{@code RSA PRIVATE KEY}).
 */
public final class CertificateStore {

    private final SelfSignedCertificate generator;

    public CertificateStore(Clock clock, SecureRandom random) {
        this.generator = new SelfSignedCertificate(Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(random, "random"));
    }

    /** Loads configured files; both must exist. */
    public TlsIdentity load(Path certificatePem, Path keyPem) throws IOException {
        List<X509Certificate> chain = readChain(certificatePem);
        PrivateKey key = readKey(keyPem);
        if (!matches(key, chain.get(0))) {
            throw new IOException(keyPem + " does not hold the key of " + certificatePem);
        }
        return new TlsIdentity(key, chain);
    }

    /**
     * Loads both files when they exist; when neither does, generates a self-signed certificate
     * for {@code domain}, writes both (the key readable by the owner only) and returns it.
     * One file without the other is an error rather than a silent replacement.
     */
    public TlsIdentity loadOrGenerate(Path certificatePem, Path keyPem, String domain) throws IOException {
        boolean certificateExists = Files.exists(certificatePem);
        boolean keyExists = Files.exists(keyPem);
        if (certificateExists && keyExists) {
            return load(certificatePem, keyPem);
        }
        if (certificateExists || keyExists) {
            throw new IOException("found only one of " + certificatePem + " and " + keyPem
                    + "; remove it or supply both");
        }
        TlsIdentity identity = generator.generate(domain);
        write(keyPem, pem(new PemObject("PRIVATE KEY", identity.privateKey().getEncoded())), true);
        write(certificatePem, pem(identity.certificate()), false);
        return identity;
    }

    /**
     * As {@link #loadOrGenerate(Path, Path, String)} for a node serving several names (the first
     * is the default domain): a self-signed certificate found there that does not name all of
     * them was generated for fewer domains, and is generated again (and written) for these.
     * A certificate someone else issued is never replaced.
     */
    public TlsIdentity loadOrGenerate(Path certificatePem, Path keyPem, List<String> names) throws IOException {
        if (Files.exists(certificatePem) && Files.exists(keyPem)) {
            TlsIdentity found = load(certificatePem, keyPem);
            if (!isSelfSigned(found.certificate()) || CertificateNames.coversAll(found.certificate(), names)) {
                return found;
            }
            return generate(certificatePem, keyPem, names);
        }
        if (Files.exists(certificatePem) || Files.exists(keyPem)) {
            throw new IOException("found only one of " + certificatePem + " and " + keyPem
                    + "; remove it or supply both");
        }
        return generate(certificatePem, keyPem, names);
    }

    /** Generates a self-signed certificate for {@code names} and writes it over both files. */
    public TlsIdentity generate(Path certificatePem, Path keyPem, List<String> names) throws IOException {
        TlsIdentity identity = generator.generate(names);
        write(keyPem, pem(new PemObject("PRIVATE KEY", identity.privateKey().getEncoded())), true);
        write(certificatePem, pem(identity.certificate()), false);
        return identity;
    }

    /** Issued by itself and signed by its own key: what this store generates, never what a CA issued. */
    public static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<X509Certificate> readChain(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException("invalid certificate in " + file, e);
        }
        if (chain.isEmpty()) {
            throw new IOException("no certificate in " + file);
        }
        return chain;
    }

    private static PrivateKey readKey(Path file) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    // A SEC 1 key may omit its public half, so convert the private part alone.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
            }
        }
        throw new IOException("no unencrypted private key in " + file);
    }

    /** Signs a probe with the key and verifies it with the certificate: the two must pair. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) throws IOException {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        try {
            byte[] probe = "parley key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot check that the key matches the certificate", e);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    /** Writes via a temporary file so a crash never leaves half a PEM behind. */
    private static void write(Path file, String content, boolean secret) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            // Created with its final mode so the key is never readable by others, not even briefly.
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
        } else {
            Files.createFile(temp);
        }
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.US_ASCII)) {
            writer.write(content);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
