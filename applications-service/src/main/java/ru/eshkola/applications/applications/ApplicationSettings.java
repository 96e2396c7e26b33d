package ru.eshkola.applications.applications;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.applications.*}.
 *
 * @param decisionWorkingDays     working days from receipt within which the decision (or the written refusal) is due
 * @param registrationWorkingDays working days from receipt within which an application is to be registered
 * @param maxReceiptAge           how far back a receipt date may be entered (a typo guard, not a legal rule)
 * @param refusalGrounds          code → the ground's wording in the written refusal notice
 */
@ConfigurationProperties("eshkola.applications")
record ApplicationSettings(@DefaultValue("10") int decisionWorkingDays, @DefaultValue("1") int registrationWorkingDays,
        @DefaultValue("30d") Duration maxReceiptAge, Map<String, String> refusalGrounds) {

    ApplicationSettings {
        refusalGrounds = refusalGrounds == null ? Map.of() : new LinkedHashMap<>(refusalGrounds);
    }
}
