package ru.eshkola.journal.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.eshkola.kit.security.AccessRules;
import ru.eshkola.kit.security.Roles;

/**
 * The one coarse rule, by path: the journal is the staff's and the operators' tool. A guardian's or a student's token
 * gets 403 on every API path (they read the diary); every finer rule is in {@link JournalAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AccessSettings.class, AuditSettings.class})
class JournalAccessRules {

    @Bean
    AccessRules journalRoles() {
        return rules -> rules.requestMatchers("/api/v1/**").hasAnyRole(Roles.TEACHER, Roles.SCHOOL_ADMINISTRATOR,
                Roles.MUNICIPAL_OPERATOR, Roles.REGIONAL_OPERATOR);
    }
}
