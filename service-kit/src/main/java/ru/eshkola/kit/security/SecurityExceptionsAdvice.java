package ru.eshkola.kit.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals raised inside a controller ({@code @PreAuthorize}, {@link Callers#current()} without a token) reach Spring
 * MVC, not the security filters; without this, the kit's catch-all would answer them 500. Ordered before it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityExceptionsAdvice {

    private final Denials denials;

    SecurityExceptionsAdvice(Denials denials) {
        this.denials = denials;
    }

    @ExceptionHandler(AccessDeniedException.class)
    void accessDenied(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Denials.currentSubject() == null) {
            denials.unauthorized(request, response, Denial.MISSING_TOKEN, null);
        } else {
            denials.forbidden(request, response);
        }
    }

    @ExceptionHandler(AuthenticationException.class)
    void unauthenticated(AuthenticationException exception, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        denials.commence(request, response, exception);
    }
}
