package org.parley.server.auth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jxmpp.jid.DomainBareJid;

/**
 * Which SASL mechanisms a stream is offered, strongest first, and the sessions that run them.
 * Channel-bound SCRAM only where the TLS stack gives binding data, SCRAM only where the
 * credential source holds SCRAM keys, PLAIN only over TLS (RFC 6120 §13.8).
 */
public final class SaslMechanisms {

    public static final String PLAIN = "PLAIN";
    private static final List<ScramHash> STRONGEST_FIRST = List.of(ScramHash.SHA_256, ScramHash.SHA_1);

    private final CredentialSource source;
    private final Identities identities;
    private final Supplier<String> serverNonces;
    private final DecoyCredentials decoys;

    /** Accepts an authzid only in localpart form; decoy secret is random per process. */
    public SaslMechanisms(CredentialSource source, SecureRandom random) {
        this(source, random, Set.of());
    }

    /**
     * @param domains the served domains, so that an authzid given as a bare JID
     *                ({@code user@domain}) of the signing-in user is accepted
     */
    public SaslMechanisms(CredentialSource source, SecureRandom random, Set<DomainBareJid> domains) {
        this(source, domains, randomNonces(random), randomSecret(random),
                ScramCredentialFactory.MINIMUM_ITERATIONS);
    }

    /**
     * As a server runs it: random nonces, and a decoy secret kept across restarts (see
     * {@link ServerSecret}) with the real iteration count, so unknown users look like real ones.
     */
    public SaslMechanisms(CredentialSource source, SecureRandom random, Set<DomainBareJid> domains,
                          byte[] decoySecret, int decoyIterations) {
        this(source, domains, randomNonces(random), decoySecret, decoyIterations);
    }

    /**
     * @param serverNonces    the server's part of each SCRAM nonce: printable ASCII without ','
     * @param decoySecret     keys the salts shown for unknown users (at least 16 bytes); keep it
     *                        stable across restarts so those salts do not change either
     * @param decoyIterations the iteration count shown for unknown users; match the real one
     */
    public SaslMechanisms(CredentialSource source, Set<DomainBareJid> domains,
                          Supplier<String> serverNonces, byte[] decoySecret, int decoyIterations) {
        this.source = Objects.requireNonNull(source, "source");
        this.identities = new Identities(domains.stream().map(DomainBareJid::toString)
                .collect(Collectors.toUnmodifiableSet()));
        this.serverNonces = Objects.requireNonNull(serverNonces, "serverNonces");
        this.decoys = new DecoyCredentials(decoySecret, decoyIterations);
    }

    /**
     * The mechanisms to list in {@code <mechanisms/>}, strongest first.
     *
     * @param secure  whether the stream is encrypted
     * @param binding this connection's channel binding, or null when there is none
     */
    public List<String> offered(boolean secure, ChannelBinding binding) {
        List<String> names = new ArrayList<>();
        if (source.supportsScram()) {
            if (secure && binding != null) {
                STRONGEST_FIRST.forEach(h -> names.add(h.plusMechanismName()));
            }
            STRONGEST_FIRST.forEach(h -> names.add(h.mechanismName()));
        }
        if (secure) {
            names.add(PLAIN);
        }
        return List.copyOf(names);
    }

    /**
     * A session for the mechanism the client chose, or empty when it is not among {@link
     * #offered} for the same arguments (answer invalid-mechanism).
     */
    public Optional<SaslServerSession> start(String mechanism, boolean secure, ChannelBinding binding) {
        return start(mechanism, secure, binding, source, identities);
    }

    /**
     * As {@link #start(String, boolean, ChannelBinding)} for a stream opened to {@code streamDomain}:
     * the authcid stays a localpart (RFC 6120 §6.3.8) and {@code accountOf} turns it into the
     * account name the credential source knows (a user of another served domain has its own
     * account); an authzid given as a bare JID must be in that domain.
     */
    public Optional<SaslServerSession> start(String mechanism, boolean secure, ChannelBinding binding,
                                             DomainBareJid streamDomain, UnaryOperator<String> accountOf) {
        return start(mechanism, secure, binding, new DomainCredentials(source, accountOf),
                new Identities(Set.of(streamDomain.toString())));
    }

    private Optional<SaslServerSession> start(String mechanism, boolean secure, ChannelBinding binding,
                                              CredentialSource source, Identities identities) {
        List<String> offered = offered(secure, binding);
        if (!offered.contains(mechanism)) {
            return Optional.empty();
        }
        if (mechanism.equals(PLAIN)) {
            return Optional.of(new PlainServerSession(source, identities));
        }
        boolean plusAdvertised = offered.stream().anyMatch(name -> name.endsWith("-PLUS"));
        for (ScramHash hash : STRONGEST_FIRST) {
            boolean plus = mechanism.equals(hash.plusMechanismName());
            if (plus || mechanism.equals(hash.mechanismName())) {
                return Optional.of(new ScramServerSession(hash, plus, plusAdvertised,
                        plus ? binding : null, source, identities, decoys, serverNonces));
            }
        }
        return Optional.empty();
    }

    private static Supplier<String> randomNonces(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return () -> {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        };
    }

    private static byte[] randomSecret(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return secret;
    }
}
