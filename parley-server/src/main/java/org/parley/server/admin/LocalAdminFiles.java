package org.parley.server.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The two files through which the CLI finds a running server: {@code admin-api} (the admin
 * API's base address) and {@code admin-token} (a local admin token, readable by the owner only).
 * The server publishes both at start; the CLI reads them. Owning the data directory is what
 * grants local admin rights, as with a Unix socket.
 */
public final class LocalAdminFiles {

    public static final String TOKEN_FILE = "admin-token";
    public static final String API_FILE = "admin-api";
    static final String LOCAL_TOKEN_NAME = "local-cli";

    private final Path dataDir;

    public LocalAdminFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Path tokenFile() {
        return dataDir.resolve(TOKEN_FILE);
    }

    public Path apiFile() {
        return dataDir.resolve(API_FILE);
    }

    /**
     * Makes sure {@code admin-token} holds a token the database knows (creating one at first start,
     * or when the database was replaced) and writes the API address. Blocks on the database.
     */
    public void publish(AdminTokens tokens, URI apiAddress) throws IOException {
        Files.createDirectories(dataDir);
        Optional<String> existing = token();
        if (existing.isEmpty() || !tokens.isValid(existing.get())) {
            writePrivate(tokenFile(), tokens.create(LOCAL_TOKEN_NAME) + "\n");
        }
        writePrivate(apiFile(), apiAddress + "\n");
    }

    /** Removes the address at shutdown, so the CLI goes straight to the database; the token stays. */
    public void withdraw() throws IOException {
        Files.deleteIfExists(apiFile());
    }

    public Optional<URI> apiAddress() throws IOException {
        return read(apiFile()).map(URI::create);
    }

    public Optional<String> token() throws IOException {
        return read(tokenFile());
    }

    private static Optional<String> read(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Writes through a temporary file created with mode 600, so the secret is never world-readable. */
    private static void writePrivate(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system: rely on the directory's protection
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + tmp, e);
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
