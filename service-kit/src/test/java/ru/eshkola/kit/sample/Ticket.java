package ru.eshkola.kit.sample;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

@Document("tickets")
class Ticket extends OutboxAggregate {

    static final EventRoute OPENED = new EventRoute("sample.ticket.opened.v1", "sample.tickets");

    @Id
    private String id;
    @Version
    private Long version;
    private String title;
    private String owner;
    private Instant openedAt;

    Ticket() {
    }

    static Ticket open(String id, String title, String owner, Instant now) {
        Ticket ticket = new Ticket();
        ticket.id = id;
        ticket.title = title;
        ticket.owner = owner;
        ticket.openedAt = now;
        ticket.recordEvent(OPENED, owner, id, now, new TicketOpened(id, title, owner, now));
        return ticket;
    }

    void rename(String title, Instant now) {
        this.title = title;
        recordEvent(OPENED, owner, id, now, new TicketOpened(id, title, owner, now));
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    record TicketOpened(String ticketId, String title, String owner, Instant openedAt) {
    }
}
