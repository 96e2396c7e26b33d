package ru.eshkola.applications.applications;

import java.util.function.Consumer;

import jakarta.validation.constraints.NotBlank;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;

/**
 * Ends the services granted on a consent once its withdrawal is published. Reading the service's own topic rather
 * than calling in-process makes the termination happen at least once even if the process dies right after the
 * withdrawal was saved.
 */
@Configuration
class ConsentWithdrawals {

    /** This feature's reading of {@code applications.consent.withdrawn.v1}. */
    record ConsentWithdrawn(@NotBlank String consentId, String withdrawnBy) {
    }

    @Bean
    Consumer<Message<byte[]>> onConsentEvents(InboundEvents events, ApplicationRegister register) {
        return events.consumer("applications-consent-withdrawals")
                .on("applications.consent.withdrawn.v1", ConsentWithdrawn.class,
                        e -> register.consentWithdrawn(e.data().consentId(), e.data().withdrawnBy()))
                .ignore("applications.consent.given.v1")
                .build();
    }
}
