package org.parley.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the server under test is and how to sign in to it; shared by every load scenario. */
public final class TargetOptions {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "server address; loopback only")
    String host;

    @Option(names = "--port", description = "c2s port (default 5222 for starttls, 5223 for direct)")
    Integer port;

    @Option(names = "--domain", defaultValue = "localhost", description = "XMPP domain of the accounts")
    String domain;

    @Option(names = "--users", defaultValue = "user%d", description = "username pattern, printf style")
    String userPattern;

    @Option(names = "--first-user", defaultValue = "1", description = "index of the first account")
    int firstUser;

    @Option(names = "--password", defaultValue = "secret", description = "password of every account")
    String password;

    @Option(names = "--tls", defaultValue = "starttls", converter = TlsModeConverter.class, description = "starttls | direct")
    TlsMode tls;

    @Option(names = "--mechanism", defaultValue = "SCRAM-SHA-1", converter = MechanismConverter.class,
            description = "PLAIN | SCRAM-SHA-1 | SCRAM-SHA-256")
    SaslMechanism mechanism;

    @Option(names = "--resource", defaultValue = "bench", description = "resource asked for at bind")
    String resource;

    @Option(names = "--signin-timeout", defaultValue = "30", description = "seconds before a sign-in counts as failed")
    int signinTimeoutSeconds;

    @Option(names = "--threads", defaultValue = "0", description = "event-loop threads (0 = available cores)")
    int threads;

    @Option(names = "--tls-provider", defaultValue = "auto", description = "auto | openssl | jdk")
    String tlsProvider;

    public ClientConfig clientConfig(boolean initialPresence) throws UnknownHostException {
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            // A load generator aimed at someone else's server is an attack; this one measures local servers only.
            throw new IllegalArgumentException("--host must be a loopback address, got " + host);
        }
        int p = port != null ? port : tls == TlsMode.DIRECT ? 5223 : 5222;
        return new ClientConfig(host, p, domain, tls, mechanism, resource, Duration.ofSeconds(signinTimeoutSeconds),
                initialPresence, 1 << 20);
    }

    public Accounts accounts() {
        return new Accounts(userPattern, firstUser, password);
    }

    static final class TlsModeConverter implements picocli.CommandLine.ITypeConverter<TlsMode> {
        @Override
        public TlsMode convert(String value) {
            return TlsMode.parse(value);
        }
    }

    static final class MechanismConverter implements picocli.CommandLine.ITypeConverter<SaslMechanism> {
        @Override
        public SaslMechanism convert(String value) {
            return SaslMechanism.parse(value);
        }
    }
}
