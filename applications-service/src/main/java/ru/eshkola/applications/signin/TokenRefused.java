package ru.eshkola.applications.signin;

import java.util.List;

import org.springframework.http.HttpStatus;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.problems.ProblemTypes;

/** A token that is malformed, forged, expired, of another issuer or audience, revoked, or of a blocked account. */
final class TokenRefused extends ProblemException {

    TokenRefused(String detail) {
        super(HttpStatus.UNAUTHORIZED, ProblemTypes.of("invalid-token"), "Unauthorized", detail, List.of());
    }
}
