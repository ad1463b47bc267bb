package org.parley.server.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build, from {@code parley-version.properties}, which Maven fills in from the
 * pom's project version at build time, so the number lives in one place.
 */
public record ParleyVersion(String version) {

    static final String RESOURCE = "/parley-version.properties";
    static final String UNKNOWN = "unknown";

    /** Reads the version this build was packaged with; {@code unknown} when run from unfiltered sources. */
    public static ParleyVersion ofThisBuild() {
        try (InputStream in = ParleyVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new ParleyVersion(UNKNOWN);
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            // An IDE that copies resources without Maven leaves the placeholder in place.
            return new ParleyVersion(v.isEmpty() || v.startsWith("${") ? UNKNOWN : v);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
