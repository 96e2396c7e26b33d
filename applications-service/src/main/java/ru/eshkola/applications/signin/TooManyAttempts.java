package ru.eshkola.applications.signin;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.problems.ProblemTypes;

/** Sign-in refused while the login or the client address is locked out after failed attempts. */
final class TooManyAttempts extends ProblemException {

    private final Duration retryAfter;

    TooManyAttempts(String what, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.of("too-many-attempts"), "Too many failed sign-ins",
                "too many failed sign-ins for this " + what + "; try again in " + Math.max(1, retryAfter.toSeconds())
                        + " s", List.of());
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
