package ru.eshkola.kit.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.validation.constraints.NotBlank;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvent;
import ru.eshkola.kit.inbox.InboundEvents;

/** The consuming side: records what it handled, and fails on demand so tests can watch retries and dead letters. */
@Configuration
class TicketLog {

    /** The consumer's own tolerant record: only what it needs, validated. */
    record OpenedTicket(@NotBlank String ticketId, @NotBlank String title) {
    }

    final List<InboundEvent<OpenedTicket>> handled = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Bean
    Consumer<Message<byte[]>> onTicketEvents(InboundEvents events) {
        return events.consumer("ticket-log")
                .on("sample.ticket.opened.v1", OpenedTicket.class, this::opened)
                .ignore("sample.ticket.archived.v1")
                .build();
    }

    private void opened(InboundEvent<OpenedTicket> event) {
        int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        String title = event.data().title();
        if (title.startsWith("fail-always")) {
            throw new IllegalStateException("handler refuses " + title);
        }
        if (title.startsWith("fail-once") && attempt == 1) {
            throw new IllegalStateException("transient failure for " + title);
        }
        handled.add(event);
    }

    long handledCount(String ticketId) {
        return handled.stream().filter(e -> e.data().ticketId().equals(ticketId)).count();
    }
}
