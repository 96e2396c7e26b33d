package ru.eshkola.kit.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the resource server ({@code eshkola.security.*}); the platform's values are in
 * {@code eshkola-defaults.yml}, each documented in the kit's README.
 *
 * @param enabled             validate bearer tokens on every non-public path; {@code false} lets every request through
 *                            (a loud warning at start) and is meant for tests and local experiments only
 * @param jwt                 where the keys are and what a token must say
 * @param publicPaths         path patterns reachable without a token (health, metrics, API and event contracts)
 * @param revocationRefresh   how often revocations written by other instances are read from the store
 * @param revocationRetention how long a revocation is kept: longer than any access token lives
 * @param cors                cross-origin access from browsers
 */
@ConfigurationProperties("eshkola.security")
public record SecuritySettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Jwt jwt,
        @DefaultValue({"/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**",
                "/swagger-ui/**", "/swagger-ui.html", "/asyncapi.yaml", "/schemas/**", "/error"})
        List<String> publicPaths,
        @DefaultValue("2s") Duration revocationRefresh,
        @DefaultValue("1d") Duration revocationRetention,
        @DefaultValue Cors cors) {

    /**
     * @param issuer    the {@code iss} every token must carry
     * @param jwkSetUri where the issuer publishes its public keys (JWKS); fetched on first use, not at start
     * @param audience  a value the token's {@code aud} must contain
     * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat} for clocks that differ between hosts
     */
    public record Jwt(
            @DefaultValue("http://localhost:8083") String issuer,
            @DefaultValue("http://localhost:8083/.well-known/jwks.json") String jwkSetUri,
            @DefaultValue("eshkola") String audience,
            @DefaultValue("30s") Duration clockSkew) {
    }

    /**
     * @param allowedOrigins origins (e.g. {@code https://dnevnik.example.ru}) whose pages may call the API; none by
     *                       default, so a browser refuses cross-origin calls
     */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
