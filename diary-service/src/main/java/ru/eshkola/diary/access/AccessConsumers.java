package ru.eshkola.diary.access;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;
import ru.eshkola.kit.security.TokenRevocations;

/**
 * Access grants and revocations, and blocked accounts, from applications-service. Low volume: one event at a time
 * through the kit's {@code InboundEvents}.
 */
@Configuration
class AccessConsumers {

    @Bean
    Consumer<Message<byte[]>> onAccessEvents(InboundEvents events, AccessGrants grants) {
        return events.consumer("diary-access")
                .on("applications.access.granted.v1", ApplicationsEvents.AccessChanged.class,
                        e -> grants.granted(e.data()))
                .on("applications.access.revoked.v1", ApplicationsEvents.AccessChanged.class,
                        e -> grants.revoked(e.data()))
                .build();
    }

    /** A blocked account's tokens stop working on every instance, and its open live streams are closed. */
    @Bean
    Consumer<Message<byte[]>> onAccountEvents(InboundEvents events, TokenRevocations revocations) {
        return events.consumer("diary-accounts")
                .on("applications.account.blocked.v1", ApplicationsEvents.AccountBlocked.class,
                        e -> revocations.revoke(e.data().accountId(), e.data().tokensInvalidBefore()))
                .ignore("applications.account.issued.v1")
                .build();
    }
}
