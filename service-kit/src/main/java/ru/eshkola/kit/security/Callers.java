package ru.eshkola.kit.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The {@link Caller} of the request being handled, for code that is not a controller method (which simply declares a
 * {@code Caller} parameter). A bean named {@code callers}, so method security can use it too:
 * {@code @PreAuthorize("@callers.current().administers(#schoolId)")}.
 */
public class Callers {

    /** The caller, or a 401 problem when the request carries no valid token. */
    public Caller current() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException(
                Denial.MISSING_TOKEN.description()));
    }

    /** The caller, if the request carries a valid token. */
    public Optional<Caller> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(Caller.of(jwt));
        }
        return Optional.empty();
    }
}
