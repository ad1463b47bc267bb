package org.parley.bench;

/** Why a sign-in (or registration) did not complete; the message is the reason counted in the report. */
public final class SigninException extends RuntimeException {
    public SigninException(String reason) {
        super(reason, null, false, false);
    }
}
