package org.parley.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, stamped by Maven into {@code parley-version.properties}. */
public final class ParleyVersion {

    private ParleyVersion() {
    }

    public static String current() {
        try (InputStream in = ParleyVersion.class.getResourceAsStream("/parley-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
