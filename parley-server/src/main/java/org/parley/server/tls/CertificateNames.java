package org.parley.server.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The DNS names a certificate is valid for (its subjectAltName dNSName entries, RFC 6125 §6.4),
 * and whether one of them covers a name: equal ignoring case, or a wildcard standing for exactly
 * the leftmost label ({@code *.example.com} covers {@code conference.example.com}, not
 * {@code example.com} nor {@code a.b.example.com}).
 */
public final class CertificateNames {

    private static final int DNS_NAME = 2;

    private CertificateNames() {
    }

    public static List<String> of(X509Certificate certificate) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    if (entry.size() == 2 && Integer.valueOf(DNS_NAME).equals(entry.get(0))) {
                        out.add(entry.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unreadable extension names nothing.
        }
        return List.copyOf(out);
    }

    public static boolean covers(List<String> certificateNames, String name) {
        String host = name.toLowerCase(Locale.ROOT);
        for (String n : certificateNames) {
            if (n.equals(host)) {
                return true;
            }
            if (n.startsWith("*.")) {
                int dot = host.indexOf('.');
                if (dot > 0 && host.substring(dot + 1).equals(n.substring(2))) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean coversAll(X509Certificate certificate, List<String> names) {
        List<String> have = of(certificate);
        return names.stream().allMatch(n -> covers(have, n));
    }
}
