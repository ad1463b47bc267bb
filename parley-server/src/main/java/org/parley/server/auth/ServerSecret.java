package org.parley.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A random secret made at first start and kept in the data directory ({@code server-secret},
 * owner-only). SASL keys the decoy salts of unknown users with it: were it new at every start,
 * a probe could tell unknown users (whose salt changed) from real ones (whose salt did not).
 */
public final class ServerSecret {

    private static final int LENGTH = 32;

    private ServerSecret() {
    }

    public static byte[] loadOrCreate(Path dataDir, SecureRandom random) throws IOException {
        Path file = dataDir.resolve("server-secret");
        if (Files.exists(file)) {
            byte[] secret = Files.readAllBytes(file);
            if (secret.length == LENGTH) {
                return secret;
            }
        }
        byte[] secret = new byte[LENGTH];
        random.nextBytes(secret);
        Path tmp = Files.createTempFile(dataDir, "server-secret", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: rely on the data directory's own permissions.
        }
        Files.write(tmp, secret);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return secret;
    }
}
