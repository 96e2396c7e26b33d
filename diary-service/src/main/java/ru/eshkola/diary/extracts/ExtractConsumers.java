package ru.eshkola.diary.extracts;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;

@Configuration
class ExtractConsumers {

    /** A granted application for a paper extract: render it. Other decisions concern other services. */
    @Bean
    Consumer<Message<byte[]>> onApplicationEvents(InboundEvents events, Extracts extracts) {
        return events.consumer("diary-extracts")
                .on("applications.application.granted.v1", ExtractEvents.ApplicationGranted.class,
                        e -> extracts.granted(e.data()))
                .ignore(Extracts.ignoredApplicationEvents().toArray(String[]::new))
                .build();
    }
}
