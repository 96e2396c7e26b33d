package ru.eshkola.kit.security;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.problems.ProblemTypes;

/**
 * Every refusal of the resource server, answered alike: an RFC 9457 problem ({@code urn:eshkola:problem:unauthorized}
 * with {@code WWW-Authenticate: Bearer ...} per RFC 6750, or {@code urn:eshkola:problem:forbidden}), one log line
 * ({@code reason}, {@code status}, {@code method}, {@code path} without the query, {@code sub} when a verified token
 * named it, {@code client}), never the token or anything personal, and {@code eshkola_security_denied_total{reason}}.
 */
public class Denials implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(Denials.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    private final MeterRegistry meters;

    public Denials(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        TokenRejectedException rejected = find(exception, TokenRejectedException.class);
        Denial denial;
        String subject = null;
        if (rejected != null) {
            denial = rejected.denial();
            subject = rejected.subject();
        } else if (exception instanceof OAuth2AuthenticationException) {
            denial = Denial.MALFORMED; // e.g. two tokens, a token in the query, a malformed header
        } else {
            denial = Denial.MISSING_TOKEN;
        }
        unauthorized(request, response, denial, subject);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        forbidden(request, response);
    }

    /** 401: no token, or one that is not valid. */
    public void unauthorized(HttpServletRequest request, HttpServletResponse response, Denial denial, String subject)
            throws IOException {
        // RFC 6750 3.1: no error code when the request simply had no token
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, denial == Denial.MISSING_TOKEN ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + denial.description() + "\"");
        write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, denial, subject);
    }

    /** 403: a valid token whose caller may not do this. */
    public void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, Denial.FORBIDDEN, currentSubject());
    }

    /** 403: a cross-origin request from an origin not allowed. */
    public void crossOrigin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, Denial.CORS, null);
    }

    /** Counts and logs a refusal answered elsewhere. */
    void record(HttpServletRequest request, int status, Denial denial, String subject) {
        Counter.builder("eshkola.security.denied").description("Requests refused by the resource server")
                .tag("reason", denial.tag()).register(meters).increment();
        String path = request.getRequestURI();
        String method = request.getMethod();
        String client = request.getRemoteAddr();
        log.atInfo()
                .addKeyValue("reason", denial.tag())
                .addKeyValue("status", status)
                .addKeyValue("method", method)
                .addKeyValue("path", path)
                .addKeyValue("sub", subject)
                .addKeyValue("client", client)
                .log("request denied: reason={} status={} method={} path={} sub={} client={}", denial.tag(), status,
                        method, path, subject == null ? "-" : subject, client);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
            Denial denial, String subject) throws IOException {
        record(request, status.value(), denial, subject);
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", denial.description());
        problem.put("instance", request.getRequestURI());
        problem.put("reason", denial.tag());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
        response.flushBuffer();
    }

    static String currentSubject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt ? jwt.getSubject() : null;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
