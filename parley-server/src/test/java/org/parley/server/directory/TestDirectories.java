package org.parley.server.directory;

import java.nio.file.Path;
import java.util.List;

/** Public access to the in-memory test directory for tests in other packages. */
public final class TestDirectories {

    private TestDirectories() {
    }

    public static AutoCloseable start(Path tmp, int users) throws Exception {
        return TestDirectory.start(tmp, users);
    }

    public static List<String> overrides(AutoCloseable directory) {
        TestDirectory d = (TestDirectory) directory;
        return d.overrides(d.ldapUrl());
    }
}
