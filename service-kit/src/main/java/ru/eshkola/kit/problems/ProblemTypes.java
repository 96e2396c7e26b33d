package ru.eshkola.kit.problems;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * Stable RFC 9457 problem type URIs. Clients branch on these, never on the human-readable title or detail, so a
 * slug, once published, is never renamed.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:eshkola:problem:";

    public static final URI VALIDATION = of("validation-failed");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI CONFLICT = of("conflict");
    public static final URI CONCURRENT_MODIFICATION = of("concurrent-modification");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI UNAVAILABLE = of("service-unavailable");
    public static final URI INTERNAL = of("internal-error");

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }

    /** The type for a status when nothing more specific is known. */
    public static URI forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION;
            case 503 -> UNAVAILABLE;
            default -> status.is5xxServerError() ? INTERNAL : of("http-" + status.value());
        };
    }
}
