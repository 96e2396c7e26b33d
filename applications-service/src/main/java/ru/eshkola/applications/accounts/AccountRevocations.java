package ru.eshkola.applications.accounts;

import java.time.Instant;
import java.util.function.Consumer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;
import ru.eshkola.kit.security.TokenRevocations;

/**
 * This service's own API refuses a blocked account's access tokens at once: the block revokes them in the kit's
 * {@link TokenRevocations} in the same request (this instance at once, the others within
 * {@code eshkola.security.revocation-refresh}). If that write fails, or the process dies right after the block was
 * saved, the service's own {@code applications.account.blocked.v1} — relayed from the account's document — revokes
 * them again, exactly as every other service does it.
 */
@Configuration
class AccountRevocations {

    private static final Logger log = LoggerFactory.getLogger(AccountRevocations.class);

    private final TokenRevocations revocations;

    AccountRevocations(TokenRevocations revocations) {
        this.revocations = revocations;
    }

    /** This feature's reading of {@code applications.account.blocked.v1}: whose tokens, issued until when. */
    record BlockedAccount(@NotBlank String accountId, @NotNull Instant tokensInvalidBefore) {
    }

    @EventListener
    void accountBlocked(AccountBlocked blocked) {
        try {
            revocations.revoke(blocked.accountId(), blocked.at());
        } catch (RuntimeException e) {
            log.warn("could not revoke the tokens of blocked account {} now ({}); its blocked event will",
                    blocked.accountId(), e.toString());
        }
    }

    @Bean
    Consumer<Message<byte[]>> onAccountEvents(InboundEvents events) {
        return events.consumer("accounts-revocations")
                .on("applications.account.blocked.v1", BlockedAccount.class,
                        e -> revocations.revoke(e.data().accountId(), e.data().tokensInvalidBefore()))
                .ignore("applications.account.issued.v1")
                .build();
    }
}
