package ru.eshkola.kit.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Cross-origin access: closed unless {@code eshkola.security.cors.allowed-origins} names origins. A cross-origin
 * request (or preflight) from any other origin gets a 403 problem; allowed origins may send the bearer token
 * ({@code Authorization}) but no cookies, which the API does not use.
 */
final class CrossOrigin {

    private CrossOrigin() {
    }

    static CorsFilter filter(List<String> allowedOrigins, Denials denials) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(allowedOrigins.stream().filter(o -> o != null && !o.isBlank()).toList());
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "Idempotency-Key"));
        configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.WWW_AUTHENTICATE,
                HttpHeaders.RETRY_AFTER));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new Refusing(denials));
        return filter;
    }

    /** Spring's processor, answering a request from an origin not allowed with the platform's problem. */
    private static final class Refusing extends DefaultCorsProcessor {

        private final Denials denials;

        Refusing(Denials denials) {
            this.denials = denials;
        }

        @Override
        public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
            if (configuration != null && CorsUtils.isCorsRequest(request)
                    && configuration.checkOrigin(request.getHeader(HttpHeaders.ORIGIN)) == null) {
                denials.crossOrigin(request, response);
                return false;
            }
            return super.processRequest(configuration, request, response);
        }
    }
}
