package ru.eshkola.kit.security;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A bearer token refused by {@link AccessTokenDecoder}, with the reason. A {@link BadJwtException}, so that Spring
 * Security answers 401 for every refusal, including "the keys cannot be fetched now" (which it would otherwise turn
 * into a 500).
 */
public class TokenRejectedException extends BadJwtException {

    private final Denial denial;
    private final String subject;

    public TokenRejectedException(Denial denial, String subject, Throwable cause) {
        super(denial.description(), cause);
        this.denial = denial;
        this.subject = subject;
    }

    public Denial denial() {
        return denial;
    }

    /** The token's {@code sub} when its signature was verified (so it can be trusted in a log line), else null. */
    public String subject() {
        return subject;
    }
}
