package ru.eshkola.applications.complaints;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.complaints.*}.
 *
 * @param answerWorkingDays       working days from registration to the answer
 * @param shortAnswerWorkingDays  the same for complaints about a refusal to accept documents or to correct a mistake
 * @param registrationWorkingDays working days from receipt to registration
 */
@ConfigurationProperties("eshkola.complaints")
record ComplaintSettings(@DefaultValue("15") int answerWorkingDays, @DefaultValue("5") int shortAnswerWorkingDays,
        @DefaultValue("1") int registrationWorkingDays) {
}
