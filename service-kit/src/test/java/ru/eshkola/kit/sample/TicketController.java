package ru.eshkola.kit.sample;

import java.time.Clock;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.web.CurrentActor;

@RestController
@Validated
class TicketController {

    private final Tickets tickets;
    private final Clock clock;

    TicketController(Tickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    record OpenTicket(@NotBlank @Size(max = 200) String title, @NotBlank String owner) {
    }

    @PostMapping("/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> open(@Valid @RequestBody OpenTicket request) {
        Ticket ticket = tickets.save(Ticket.open(EventIds.next(), request.title(), request.owner(), clock.instant()));
        return Map.of("id", ticket.id());
    }

    @GetMapping("/tickets/{id}")
    Map<String, String> get(@PathVariable String id) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
        return Map.of("id", ticket.id(), "title", ticket.title());
    }

    @PostMapping("/tickets/{id}/assign")
    Map<String, String> assign(@PathVariable String id, @CurrentActor String actor) {
        return Map.of("id", id, "assignee", actor);
    }

    @GetMapping("/tickets")
    Map<String, Object> list(@RequestParam(defaultValue = "20") @jakarta.validation.constraints.Max(100) int size) {
        return Map.of("size", size);
    }
}
