package ru.eshkola.applications.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** What application.yml makes of the bootstrap variables: nothing unless they are set. */
class BootstrapSettingsTests {

    @Test
    void withoutTheVariablesNothingIsBootstrapped() throws Exception {
        BootstrapSettings settings = bind(Map.of());

        assertThat(settings.operator().requested()).isFalse();
        assertThat(settings.operator().region()).isEqualTo("66");
        assertThat(settings.demoStaff()).isFalse();
    }

    @Test
    void theVariablesSetTheOperatorAndTheDemoPassword() throws Exception {
        BootstrapSettings settings = bind(Map.of("ESHKOLA_BOOTSTRAP_OPERATOR_LOGIN", "operator@eshkola.local",
                "ESHKOLA_BOOTSTRAP_OPERATOR_PASSWORD", "Пароль-оператора-1", "ESHKOLA_BOOTSTRAP_OPERATOR_REGION", "66",
                "ESHKOLA_DEMO_STAFF_PASSWORD", "Демо-пароль-2026"));

        assertThat(settings.operator().login()).isEqualTo("operator@eshkola.local");
        assertThat(settings.operator().password()).isEqualTo("Пароль-оператора-1");
        assertThat(settings.operator().requested()).isTrue();
        assertThat(settings.demoStaffPassword()).isEqualTo("Демо-пароль-2026");
    }

    private static BootstrapSettings bind(Map<String, Object> variables) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        // this machine's own variables must not decide the test
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return Binder.get(environment).bindOrCreate("eshkola.bootstrap", BootstrapSettings.class);
    }
}
