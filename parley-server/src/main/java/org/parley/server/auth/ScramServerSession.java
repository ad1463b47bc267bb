package org.parley.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Server side of SCRAM-SHA-* and SCRAM-SHA-*-PLUS (RFC 5802 §5 and §7, RFC 7677). Unknown users
 * get a challenge of the same shape as real ones (deterministic decoy salt) and fail only at
 * the proof, so the exchange does not reveal which accounts exist.
 */
final class ScramServerSession implements SaslServerSession {

    private enum State { CLIENT_FIRST, CLIENT_FINAL, DONE }

    private static final String REJECTED = "Invalid username or password";

    private final ScramHash hash;
    private final boolean plus;
    private final boolean plusAdvertised;
    private final ChannelBinding binding;
    private final CredentialSource source;
    private final Identities identities;
    private final DecoyCredentials decoys;
    private final Supplier<String> serverNonces;

    private State state = State.CLIENT_FIRST;
    private boolean emptyInitialSeen;
    private String gs2Header;
    private boolean clientUsesBinding;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String username;
    private ScramCredentials credentials;
    private boolean decoy;

    /**
     * @param plus           whether the mechanism selected is the -PLUS variant
     * @param plusAdvertised whether any -PLUS mechanism was offered on this stream (a client
     *                       that supports binding and says "y" then detects a downgrade)
     * @param binding        this connection's binding, or null when there is none
     */
    ScramServerSession(ScramHash hash, boolean plus, boolean plusAdvertised, ChannelBinding binding,
                       CredentialSource source, Identities identities, DecoyCredentials decoys,
                       Supplier<String> serverNonces) {
        if (plus && binding == null) {
            throw new IllegalArgumentException("-PLUS needs channel-binding data");
        }
        this.hash = hash;
        this.plus = plus;
        this.plusAdvertised = plusAdvertised;
        this.binding = binding;
        this.source = source;
        this.identities = identities;
        this.decoys = decoys;
        this.serverNonces = serverNonces;
    }

    @Override
    public CompletionStage<SaslStep> evaluate(byte[] clientData) {
        switch (state) {
            case CLIENT_FIRST:
                if (clientData.length == 0 && !emptyInitialSeen) {
                    // No initial response: RFC 6120 §6.4.2 has us send an empty challenge.
                    emptyInitialSeen = true;
                    return CompletableFuture.completedFuture(new SaslStep.Challenge(new byte[0]));
                }
                return clientFirst(clientData);
            case CLIENT_FINAL:
                return CompletableFuture.completedFuture(clientFinal(clientData));
            default:
                return CompletableFuture.completedFuture(
                        fail(SaslFailure.MALFORMED_REQUEST, "Exchange already finished"));
        }
    }

    private CompletionStage<SaslStep> clientFirst(byte[] data) {
        Optional<String> decoded = Utf8.decode(data);
        if (decoded.isEmpty()) {
            return done(fail(SaslFailure.MALFORMED_REQUEST, "Not UTF-8"));
        }
        String text = decoded.get();
        // gs2-header = gs2-cbind-flag "," [ authzid ] ","
        int flagEnd = text.indexOf(',');
        int headerEnd = flagEnd < 0 ? -1 : text.indexOf(',', flagEnd + 1);
        if (headerEnd < 0) {
            return done(fail(SaslFailure.MALFORMED_REQUEST, "Missing GS2 header"));
        }
        String flag = text.substring(0, flagEnd);
        String authzField = text.substring(flagEnd + 1, headerEnd);
        gs2Header = text.substring(0, headerEnd + 1);
        clientFirstBare = text.substring(headerEnd + 1);

        SaslStep.Failure bindingFailure = checkBindingFlag(flag);
        if (bindingFailure != null) {
            return done(bindingFailure);
        }
        Optional<ScramAttributes> bare = ScramAttributes.parse(clientFirstBare);
        if (bare.isEmpty()) {
            return done(fail(SaslFailure.MALFORMED_REQUEST, "Malformed client-first-message"));
        }
        ScramAttributes attributes = bare.get();
        if (attributes.has(0, 'm')) {
            return done(fail(SaslFailure.MALFORMED_REQUEST, "Mandatory extensions not supported"));
        }
        if (!attributes.has(0, 'n') || !attributes.has(1, 'r')
                || !ScramAttributes.isValidNonce(attributes.value(1))) {
            return done(fail(SaslFailure.MALFORMED_REQUEST, "Malformed client-first-message"));
        }
        Optional<String> authcid = ScramAttributes.decodeSaslName(attributes.value(0));
        if (authcid.isEmpty()) {
            return done(fail(SaslFailure.MALFORMED_REQUEST, "Malformed username"));
        }
        Optional<String> normalized = identities.username(authcid.get());
        if (normalized.isEmpty()) {
            return done(fail(SaslFailure.NOT_AUTHORIZED, REJECTED));
        }
        username = normalized.get();
        if (!authzField.isEmpty()) {
            Optional<String> authzid = authzField.startsWith("a=")
                    ? ScramAttributes.decodeSaslName(authzField.substring(2)) : Optional.empty();
            if (authzid.isEmpty()) {
                return done(fail(SaslFailure.MALFORMED_REQUEST, "Malformed authzid"));
            }
            if (!identities.mayActAs(username, authzid.get())) {
                return done(fail(SaslFailure.INVALID_AUTHZID, "Authzid must name the signing-in account"));
            }
        }
        nonce = attributes.value(1) + serverNonces.get();
        return lookUp().handle((found, error) -> error != null || found == null
                ? fail(SaslFailure.TEMPORARY_AUTH_FAILURE, "Credential store unavailable")
                : serverFirst(found));
    }

    /** Returns a failure, or null when the gs2-cbind-flag fits the mechanism and connection. */
    private SaslStep.Failure checkBindingFlag(String flag) {
        if (plus) {
            if (!flag.startsWith("p=")) {
                return fail(SaslFailure.MALFORMED_REQUEST, "-PLUS mechanism requires channel binding");
            }
            if (!flag.substring(2).equals(binding.type())) {
                return fail(SaslFailure.NOT_AUTHORIZED, "Unsupported channel-binding type");
            }
            clientUsesBinding = true;
            return null;
        }
        switch (flag) {
            case "n":
                return null;
            case "y":
                // The client supports binding but thinks we do not: if we offered -PLUS,
                // someone removed it from the features (RFC 5802 §6).
                return plusAdvertised
                        ? fail(SaslFailure.NOT_AUTHORIZED, "Channel-binding downgrade detected")
                        : null;
            default:
                return flag.startsWith("p=")
                        ? fail(SaslFailure.MALFORMED_REQUEST, "Channel binding needs a -PLUS mechanism")
                        : fail(SaslFailure.MALFORMED_REQUEST, "Invalid GS2 channel-binding flag");
        }
    }

    private CompletionStage<Optional<ScramCredentials>> lookUp() {
        try {
            return source.scramCredentials(username, hash);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private SaslStep serverFirst(Optional<ScramCredentials> found) {
        decoy = found.isEmpty();
        credentials = found.orElseGet(() -> decoys.forUser(username, hash));
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credentials.salt())
                + ",i=" + credentials.iterations();
        state = State.CLIENT_FINAL;
        return new SaslStep.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private CompletionStage<SaslStep> done(SaslStep step) {
        return CompletableFuture.completedFuture(step);
    }

    private SaslStep clientFinal(byte[] data) {
        Optional<String> decoded = Utf8.decode(data);
        if (decoded.isEmpty()) {
            return fail(SaslFailure.MALFORMED_REQUEST, "Not UTF-8");
        }
        String text = decoded.get();
        Optional<ScramAttributes> parsed = ScramAttributes.parse(text);
        int proofAt = text.lastIndexOf(",p=");
        if (parsed.isEmpty() || proofAt < 0) {
            return fail(SaslFailure.MALFORMED_REQUEST, "Malformed client-final-message");
        }
        ScramAttributes attributes = parsed.get();
        int last = attributes.size() - 1;
        if (!attributes.has(0, 'c') || !attributes.has(1, 'r') || !attributes.has(last, 'p')
                || last < 2) {
            return fail(SaslFailure.MALFORMED_REQUEST, "Malformed client-final-message");
        }
        byte[] cbind;
        byte[] proof;
        try {
            cbind = Base64.getDecoder().decode(attributes.value(0));
            proof = Base64.getDecoder().decode(attributes.value(last));
        } catch (IllegalArgumentException e) {
            return fail(SaslFailure.INCORRECT_ENCODING, "Invalid base64 in client-final-message");
        }
        if (!MessageDigest.isEqual(expectedCbind(), cbind)) {
            return fail(SaslFailure.NOT_AUTHORIZED, "Channel-binding data mismatch");
        }
        if (!attributes.value(1).equals(nonce)) {
            return fail(SaslFailure.NOT_AUTHORIZED, "Nonce mismatch");
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + text.substring(0, proofAt);
        byte[] storedKey = credentials.storedKey();
        byte[] clientSignature = hash.hmac(storedKey, authMessage);
        boolean proofValid = proof.length == clientSignature.length;
        if (proofValid) {
            byte[] clientKey = new byte[proof.length];
            for (int i = 0; i < proof.length; i++) {
                clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
            }
            proofValid = MessageDigest.isEqual(hash.digest(clientKey), storedKey);
        }
        if (!proofValid || decoy) {
            return fail(SaslFailure.NOT_AUTHORIZED, REJECTED);
        }
        byte[] serverSignature = hash.hmac(credentials.serverKey(), authMessage);
        state = State.DONE;
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return new SaslStep.Success(serverFinal.getBytes(StandardCharsets.UTF_8), username);
    }

    /** c= carries the GS2 header, then the binding data when the client used "p=". */
    private byte[] expectedCbind() {
        byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
        if (!clientUsesBinding) {
            return header;
        }
        byte[] data = binding.data();
        byte[] expected = new byte[header.length + data.length];
        System.arraycopy(header, 0, expected, 0, header.length);
        System.arraycopy(data, 0, expected, header.length, data.length);
        return expected;
    }

    private SaslStep.Failure fail(SaslFailure condition, String text) {
        state = State.DONE;
        return new SaslStep.Failure(condition, text);
    }
}
