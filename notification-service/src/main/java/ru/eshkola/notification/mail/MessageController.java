package ru.eshkola.notification.mail;

import java.time.Clock;
import java.util.Date;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.web.CurrentActor;
import ru.eshkola.kit.web.PageResponse;

/**
 * What support staff need to answer "did my mail go out?": the messages of a recipient (by address or by account or
 * staff id) with their state and times, one message, and queueing a FAILED one again. Mail bodies are never shown.
 */
@RestController
@RequestMapping("/api/v1/messages")
@Validated
@Tag(name = "Messages", description = "Outgoing mail per recipient, for support staff")
class MessageController {

    private static final Logger log = LoggerFactory.getLogger(MessageController.class);

    private final MongoTemplate mongo;
    private final MailDispatcher sender;
    private final Clock clock;

    MessageController(MongoTemplate mongo, MailDispatcher sender, Clock clock) {
        this.mongo = mongo;
        this.sender = sender;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Messages, newest first; filter by recipient (address, account id or staff id), state, "
            + "template")
    PageResponse<MessageSummary> list(@RequestParam(required = false) @Size(max = 200) String recipient,
            @RequestParam(required = false) MessageState state,
            @RequestParam(required = false) @Size(max = 64) String template,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Criteria filter = new Criteria();
        if (recipient != null && !recipient.isBlank()) {
            filter = filter.orOperator(Criteria.where("to").is(MailQueue.normalize(recipient)),
                    Criteria.where("recipientId").is(recipient.trim()));
        }
        if (state != null) {
            filter = filter.and("state").is(state);
        }
        if (template != null && !template.isBlank()) {
            filter = filter.and("template").is(template);
        }
        Query query = Query.query(filter);
        long total = mongo.count(query, Message.class);
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "_id"));
        var items = mongo.find(Query.of(query).with(pageable), Message.class);
        return PageResponse.of(PageableExecutionUtils.getPage(items, pageable, () -> total), MessageSummary::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One message")
    MessageSummary get(@PathVariable @Size(max = 64) String id) {
        Message message = mongo.findById(id, Message.class);
        if (message == null) {
            throw ProblemException.notFound("message", id);
        }
        return MessageSummary.of(message);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Queue a FAILED message again (attempts start over); 409 for any other state")
    MessageSummary retry(@PathVariable @Size(max = 64) String id, @CurrentActor String actor) {
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("state").is(MessageState.FAILED)),
                new Update().set("state", MessageState.QUEUED).set("attempts", 0)
                        .set("nextAttemptAt", Date.from(clock.instant())).set("requeuedBy", actor), Message.class);
        if (result.getModifiedCount() == 0) {
            Message message = mongo.findById(id, Message.class);
            if (message == null) {
                throw ProblemException.notFound("message", id);
            }
            throw ProblemException.conflict("message-not-failed", "message " + id + " is " + message.state()
                    + "; only a FAILED message can be queued again");
        }
        log.info("message {} queued again by {}", id, actor);
        sender.wake();
        return get(id);
    }
}
