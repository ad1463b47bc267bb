package org.parley.server.richpresence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Xandikos (the Debian package) as the CalDAV server of the free-busy-query tests: Radicale does
 * not implement that REPORT. It has no authentication of its own and ignores our credentials.
 */
final class Xandikos extends LoopbackDavServer {

    static final Path EXECUTABLE = Path.of("/usr/bin/xandikos");

    private Xandikos(Process process, int port) {
        super(process, port);
    }

    static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    static Xandikos start(Path dir) throws Exception {
        return start(dir.resolve("xandikos.log"), port -> List.of(EXECUTABLE.toString(),
                "-d", dir.resolve("data").toString(), "--autocreate", "-l", "127.0.0.1", "-p", String.valueOf(port)),
                Xandikos::new);
    }

    /** Xandikos creates a calendar only inside an existing collection: the parent is made first. */
    @Override
    void mkcalendar(String path) throws Exception {
        String parent = path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
        if (parent.length() > 1) {
            expect(send("MKCOL", parent, null, null), Set.of(201, 405));
        }
        super.mkcalendar(path);
    }
}
