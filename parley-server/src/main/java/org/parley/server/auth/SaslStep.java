package org.parley.server.auth;

import java.util.Objects;

/** What the server answers to one client message of a SASL exchange. */
public sealed interface SaslStep {

    /** Send {@code <challenge/>} with this data and wait for the client's response. */
    record Challenge(byte[] data) implements SaslStep {
        public Challenge {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /**
     * Send {@code <success/>} with this additional data (empty: none); the stream is now
     * authenticated as {@code username}, a normalized localpart.
     */
    record Success(byte[] additionalData, String username) implements SaslStep {
        public Success {
            additionalData = additionalData.clone();
            Objects.requireNonNull(username, "username");
        }

        @Override
        public byte[] additionalData() {
            return additionalData.clone();
        }
    }

    /** Send {@code <failure/>} with this condition; {@code text} is for the client's user and logs. */
    record Failure(SaslFailure condition, String text) implements SaslStep {
        public Failure {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(text, "text");
        }
    }
}
