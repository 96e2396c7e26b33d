package ru.eshkola.kit.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform-wide technical defaults ({@code eshkola-defaults.yml}: actuator exposure, retry and
 * dead-letter policy, topic sizing, JSON strictness) BELOW everything else, so each service's
 * {@code application.yml} and the environment still override any of them. One place, instead of five copies.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String NAME = "eshkola-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(NAME,
                    new ClassPathResource("eshkola-defaults.yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
