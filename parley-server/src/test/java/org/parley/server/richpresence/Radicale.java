package org.parley.server.richpresence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Radicale (the Debian package) as the CalDAV server of the calendar-query tests. Any user name
 * signs in (auth none) and every signed-in user may read and write every calendar.
 */
final class Radicale extends LoopbackDavServer {

    static final Path EXECUTABLE = Path.of("/usr/bin/radicale");

    private Radicale(Process process, int port) {
        super(process, port);
    }

    static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    static Radicale start(Path dir) throws Exception {
        Path config = dir.resolve("radicale.conf");
        return start(dir.resolve("radicale.log"), port -> {
            try {
                Files.writeString(config, String.join("\n",
                        "[server]", "hosts = 127.0.0.1:" + port,
                        "[auth]", "type = none",
                        "[rights]", "type = authenticated",
                        "[storage]", "filesystem_folder = " + dir.resolve("collections"),
                        "[logging]", "level = warning", ""));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return List.of(EXECUTABLE.toString(), "--config", config.toString());
        }, Radicale::new);
    }
}
