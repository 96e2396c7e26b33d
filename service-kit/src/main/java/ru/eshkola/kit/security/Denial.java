package ru.eshkola.kit.security;

/**
 * Why a request was refused: the {@code reason} tag of {@code eshkola_security_denied_total}, the {@code reason} of
 * the log line and of the problem document. A short fixed list, so the meter has few series and the text given to
 * a client never echoes anything of the token.
 */
public enum Denial {

    MISSING_TOKEN("missing_token", "the request carries no bearer token"),
    MALFORMED("malformed", "the bearer token is not a well-formed signed JWT"),
    ALGORITHM("algorithm", "tokens are signed with RS256; other algorithms and unsigned tokens are refused"),
    TYPE("type", "the token is not an access token (typ at+jwt)"),
    UNKNOWN_KEY("unknown_key", "the token is signed with a key the issuer does not publish"),
    SIGNATURE("signature", "the token's signature is not valid"),
    KEYS_UNAVAILABLE("keys_unavailable", "the issuer's keys cannot be fetched now; try again shortly"),
    EXPIRED("expired", "the token has expired"),
    NOT_YET_VALID("not_yet_valid", "the token is not valid yet"),
    ISSUER("issuer", "the token is of another issuer"),
    AUDIENCE("audience", "the token is for another audience"),
    CLAIMS("claims", "the token lacks a required claim (sub, exp or iat)"),
    REVOKED("revoked", "the token was revoked: its account was blocked"),
    CORS("cors", "cross-origin requests from this origin are not allowed"),
    FORBIDDEN("forbidden", "the caller may not do this");

    private final String tag;
    private final String description;

    Denial(String tag, String description) {
        this.tag = tag;
        this.description = description;
    }

    /** The meter tag and problem {@code reason}. */
    public String tag() {
        return tag;
    }

    /** A fixed, client-safe sentence. */
    public String description() {
        return description;
    }
}
