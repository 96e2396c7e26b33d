package ru.eshkola.journal.access;

import java.time.Instant;
import java.util.function.Consumer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;
import ru.eshkola.kit.security.TokenRevocations;

/**
 * Blocked accounts, from applications-service: the account's access tokens stop working in the journal at once (on
 * every instance within the kit's revocation refresh), not when they expire. The journal's only consumer.
 */
@Configuration(proxyBeanMethods = false)
class AccountEvents {

    /** applications.account.blocked.v1: the account's tokens issued up to {@code tokensInvalidBefore} are void. */
    record AccountBlocked(@NotBlank String accountId, @NotNull Instant tokensInvalidBefore) {
    }

    @Bean
    Consumer<Message<byte[]>> onAccountEvents(InboundEvents events, TokenRevocations revocations) {
        return events.consumer("journal-accounts")
                .on("applications.account.blocked.v1", AccountBlocked.class,
                        e -> revocations.revoke(e.data().accountId(), e.data().tokensInvalidBefore()))
                .ignore("applications.account.issued.v1")
                .build();
    }
}
