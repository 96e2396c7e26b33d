package ru.eshkola.kit.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own request rules, declared as beans and applied after the public paths and before the closing "every
 * other request needs a valid token". For example, operator-only paths:
 *
 * <pre>{@code
 * @Bean
 * AccessRules reportRules() {
 *     return rules -> rules.requestMatchers("/api/v1/reports/**")
 *             .hasAnyRole(Roles.MUNICIPAL_OPERATOR, Roles.REGIONAL_OPERATOR);
 * }
 * }</pre>
 *
 * Rules that depend on data (is this the guardian of that student?) belong in the service's code, with the
 * {@link Caller}, or in {@code @PreAuthorize} (method security is on).
 */
@FunctionalInterface
public interface AccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
