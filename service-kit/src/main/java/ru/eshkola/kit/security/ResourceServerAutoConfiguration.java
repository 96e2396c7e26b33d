package ru.eshkola.kit.security;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import jakarta.servlet.DispatcherType;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a service an OAuth2 resource server for the platform's access tokens, once it adds
 * {@code spring-boot-starter-security-oauth2-resource-server} to its dependencies (the kit declares it optional, so
 * services without it are untouched). {@code eshkola.security.enabled=false} turns validation off (every request
 * passes, with a warning) for tests and experiments.
 *
 * <p>Ordered before Boot's own security auto-configurations, which back off when they see this filter chain and
 * decoder (no generated password, no default form login).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration"},
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(name = {"org.springframework.security.web.SecurityFilterChain",
        "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken",
        "org.springframework.security.oauth2.jwt.NimbusJwtDecoder"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
public class ResourceServerAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ResourceServerAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Callers callers() {
        // a Caller parameter comes from the token, not from the request: the OpenAPI document must not list it
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        return new Callers();
    }

    @Bean
    WebMvcConfigurer callerArgumentResolverConfigurer(Callers callers) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(callers));
            }
        };
    }

    /** Token checks read the real time, never the service's {@code Clock} bean, which tests may fix in the past. */
    @Bean
    @ConditionalOnMissingBean
    TokenRevocations tokenRevocations(MongoOperations mongo, SecuritySettings settings) {
        return new TokenRevocations(mongo, settings.revocationRefresh(), settings.revocationRetention(),
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    Denials denials(MeterRegistry meters) {
        return new Denials(meters);
    }

    @Bean
    SecurityExceptionsAdvice securityExceptionsAdvice(Denials denials) {
        return new SecurityExceptionsAdvice(denials);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "eshkola.security.enabled", havingValue = "true", matchIfMissing = true)
    @EnableMethodSecurity
    static class Enabled {

        static final String BEARER = "bearer";

        @Bean
        @ConditionalOnMissingBean(JwtDecoder.class)
        AccessTokenDecoder accessTokenDecoder(SecuritySettings settings, TokenRevocations revocations) {
            return AccessTokenDecoder.of(settings.jwt(), revocations);
        }

        /** The OpenAPI document tells integrators to send a bearer token (Swagger UI then offers "Authorize"). */
        @Bean
        OpenApiCustomizer bearerTokenOpenApi() {
            return openApi -> {
                Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
                components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT")
                        .description("An access token of the platform's issuer (applications-service sign-in)"));
                openApi.components(components).addSecurityItem(new SecurityRequirement().addList(BEARER));
            };
        }

        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain resourceServerFilterChain(HttpSecurity http, SecuritySettings settings,
                JwtDecoder decoder, Denials denials, ObjectProvider<AccessRules> serviceRules, MeterRegistry meters)
                throws Exception {
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName("roles");
            roles.setAuthorityPrefix("ROLE_"); // hasRole('TEACHER') reads the claim value as it is
            JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
            authentication.setJwtGrantedAuthoritiesConverter(roles);
            Counter authenticated = Counter.builder("eshkola.security.authenticated")
                    .description("Requests with a valid access token").register(meters);

            http.csrf(AbstractHttpConfigurer::disable) // bearer tokens, no cookies: nothing for CSRF to ride on
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(AbstractHttpConfigurer::disable)
                    .formLogin(AbstractHttpConfigurer::disable)
                    .httpBasic(AbstractHttpConfigurer::disable)
                    .logout(AbstractHttpConfigurer::disable)
                    .addFilter(CrossOrigin.filter(settings.cors().allowedOrigins(), denials))
                    .headers(headers -> headers
                            // on every response: a browser ignores it over plain HTTP, and behind a TLS-terminating
                            // proxy the service itself never sees HTTPS
                            .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                    .includeSubDomains(true).maxAgeInSeconds(31_536_000))
                            .frameOptions(frame -> frame.deny())
                            .referrerPolicy(referrer -> referrer.policy(
                                    ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                    .authorizeHttpRequests(rules -> {
                        // the request was authorized on its first dispatch; the later dispatch of a finished async
                        // response (an SSE stream closing after its token expired) must not turn into a late 401
                        rules.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                        rules.requestMatchers(settings.publicPaths().toArray(String[]::new)).permitAll();
                        serviceRules.orderedStream().forEach(rule -> rule.configure(rules));
                        rules.anyRequest().authenticated();
                    })
                    .oauth2ResourceServer(server -> server
                            .jwt(jwtConfigurer -> jwtConfigurer.decoder(decoder).jwtAuthenticationConverter(jwt -> {
                                authenticated.increment();
                                return authentication.convert(jwt);
                            }))
                            .authenticationEntryPoint(denials)
                            .accessDeniedHandler(denials))
                    .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(denials)
                            .accessDeniedHandler(denials));
            return http.build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "eshkola.security.enabled", havingValue = "false")
    static class Disabled {

        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain openFilterChain(HttpSecurity http) throws Exception {
            log.warn("eshkola.security.enabled=false: access tokens are NOT checked, every request is let through. "
                    + "Never in production.");
            return http.csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(AbstractHttpConfigurer::disable)
                    .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                    .build();
        }
    }
}
