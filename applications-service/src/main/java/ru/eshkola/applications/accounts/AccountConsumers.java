package ru.eshkola.applications.accounts;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;

/**
 * Accounts follow the decisions on applications by reading the service's own topic: a grant saved just before a
 * crash still issues its account, because the event is in the application's document and is relayed on restart.
 */
@Configuration
class AccountConsumers {

    /** This feature's reading of {@code applications.application.granted.v1}. */
    record ApplicationGranted(@NotBlank String applicationId, @NotBlank String schoolId,
            @NotBlank String registrationNumber, @NotBlank String kind, @NotBlank String applicantKind,
            @NotBlank String applicantName, @NotBlank @Email String contactEmail,
            @NotEmpty List<@NotBlank String> studentIds, Instant decidedAt, String decidedBy) {
    }

    /** This feature's reading of {@code applications.application.terminated.v1}. */
    record ApplicationTerminated(@NotBlank String applicationId, @NotBlank String schoolId, @NotBlank String reason,
            Instant terminatedAt,
            String terminatedBy) {
    }

    @Bean
    Consumer<Message<byte[]>> onApplicationEvents(InboundEvents events, AccountRegister register) {
        return events.consumer("accounts-applications")
                .on("applications.application.granted.v1", ApplicationGranted.class, e -> {
                    // only the electronic diary runs on an account; an extract or a termination is a one-off
                    if ("ELECTRONIC_DIARY".equals(e.data().kind())) {
                        register.applicationGranted(e.data());
                    }
                })
                .on("applications.application.terminated.v1", ApplicationTerminated.class,
                        e -> register.applicationTerminated(e.data()))
                .ignore("applications.application.received.v1", "applications.application.refused.v1",
                        "applications.decision.overdue.v1")
                .build();
    }
}
