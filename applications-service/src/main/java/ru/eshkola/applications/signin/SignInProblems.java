package ru.eshkola.applications.signin;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The two refusals of sign-in that carry HTTP headers besides the problem document: {@code Retry-After} on a
 * lock-out (RFC 9110), {@code WWW-Authenticate} on a bad bearer token (RFC 6750). Consulted before the kit's advice.
 */
@RestControllerAdvice(basePackageClasses = SignInProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignInProblems {

    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts ex, HttpServletRequest request) {
        return ResponseEntity.status(ex.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
                .body(problem(ex, request));
    }

    @ExceptionHandler(TokenRefused.class)
    ResponseEntity<ProblemDetail> tokenRefused(TokenRefused ex, HttpServletRequest request) {
        return ResponseEntity.status(ex.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .body(problem(ex, request));
    }

    private static ProblemDetail problem(ru.eshkola.kit.problems.ProblemException ex, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setType(ex.type());
        problem.setTitle(ex.title());
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
