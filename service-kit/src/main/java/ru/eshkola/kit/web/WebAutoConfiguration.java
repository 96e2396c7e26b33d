package ru.eshkola.kit.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import ru.eshkola.kit.contracts.ContractsController;
import ru.eshkola.kit.health.KafkaHealthIndicator;
import ru.eshkola.kit.problems.ProblemDetailsAdvice;
import ru.eshkola.kit.problems.ProblemErrorController;

/** Problem details everywhere, request size limits, the contracts endpoints, OpenAPI info and Kafka health. */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class},
        after = KafkaAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebSettings.class)
public class WebAutoConfiguration {

    static final String TOKEN_AUTHENTICATION =
            "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken";

    @Bean
    WebMvcConfigurer actorResolverConfigurer(Environment environment) {
        // the same condition that switches ru.eshkola.kit.security on
        boolean fromToken = ClassUtils.isPresent(TOKEN_AUTHENTICATION, getClass().getClassLoader())
                && environment.getProperty("eshkola.security.enabled", Boolean.class, true);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorResolver(fromToken));
            }
        };
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    ContractsController contractsController() {
        return new ContractsController();
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebSettings settings) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(settings.maxRequestSize().toBytes(),
                        settings.uploadPaths(), settings.maxUploadSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI openApi(Environment environment, ObjectProvider<BuildProperties> build) {
        String name = environment.getProperty("spring.application.name", "service");
        String version = build.getIfAvailable() != null ? build.getIfAvailable().getVersion() : "dev";
        return new OpenAPI().info(new Info().title(name).version(version)
                .description(environment.getProperty("eshkola.description", name + " REST API")
                        + ". Errors are RFC 9457 problem details (application/problem+json)."));
    }

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties());
    }
}
