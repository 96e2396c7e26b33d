package ru.eshkola.kit.web;

import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.problems.ProblemTypes;

/**
 * Resolves {@link CurrentActor} parameters: the validated token's subject in a service that checks tokens (the
 * header is then ignored, so nobody can act under another's name), else the {@value #HEADER} header.
 */
public class ActorResolver implements HandlerMethodArgumentResolver {

    public static final String HEADER = "X-Actor-Id";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    private final boolean fromToken;

    /** Takes the actor from the {@value #HEADER} header. */
    public ActorResolver() {
        this(false);
    }

    /** @param fromToken take the actor from the authenticated token (its subject) and never from the header */
    public ActorResolver(boolean fromToken) {
        this.fromToken = fromToken;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentActor.class) && parameter.getParameterType() == String.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        if (fromToken) {
            Principal principal = request.getUserPrincipal();
            if (principal == null || principal.getName() == null) {
                throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
                        "who performs this request is unknown: send a bearer token", List.of());
            }
            return principal.getName();
        }
        String actor = request.getHeader(HEADER);
        if (actor == null || actor.isBlank()) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
                    "who performs this request is unknown: send the " + HEADER + " header", List.of());
        }
        if (!ID.matcher(actor).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1-64 letters, digits or . _ : @ -");
        }
        return actor;
    }
}
