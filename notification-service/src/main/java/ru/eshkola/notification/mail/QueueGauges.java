package ru.eshkola.notification.mail;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code eshkola_notification_messages_queued{template}}: messages waiting, counted in the store (so every instance
 * reports the same queue), refreshed every {@code notification.mail.gauge-interval}.
 */
@Component
class QueueGauges {

    private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

    private final MongoTemplate mongo;
    private final Map<MailTemplate, AtomicLong> queued = new EnumMap<>(MailTemplate.class);

    QueueGauges(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        for (MailTemplate template : MailTemplate.values()) {
            AtomicLong value = new AtomicLong();
            queued.put(template, value);
            Gauge.builder("eshkola.notification.messages.queued", value, AtomicLong::get)
                    .description("Messages waiting to be sent (due or scheduled)")
                    .tag("template", template.templateName())
                    .register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${notification.mail.gauge-interval:30s}", initialDelayString = "5s")
    void refresh() {
        try {
            Map<String, Long> counts = new java.util.HashMap<>();
            mongo.aggregate(Aggregation.newAggregation(
                            Aggregation.match(Criteria.where("state").is(MessageState.QUEUED.name())),
                            Aggregation.group("template").count().as("n")), Message.COLLECTION, Document.class)
                    .forEach(d -> counts.put(String.valueOf(d.get("_id")), ((Number) d.get("n")).longValue()));
            queued.forEach((template, value) -> value.set(counts.getOrDefault(template.templateName(), 0L)));
        } catch (RuntimeException e) {
            log.debug("could not count queued messages: {}", e.toString());
        }
    }
}
