package ru.eshkola.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.core.JacksonException;

import ru.eshkola.kit.events.CloudEventHeaders;
import ru.eshkola.kit.events.EventJson;

/**
 * Builds the consumers of a service: each one reads CloudEvents in binary mode, maps the data to the consumer's own
 * tolerant record, validates it, drops events it already processed and hands the rest to a handler.
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<byte[]>> onSchoolEvents(InboundEvents events, SchoolDirectory directory) {
 *     return events.consumer("school-directory")
 *             .on("journal.school.registered.v1", SchoolRegistered.class, e -> directory.add(e.data()))
 *             .build();
 * }
 * }</pre>
 *
 * Malformed events (missing {@code ce_} attributes, bad JSON, invalid data) and unknown types are not retried: they
 * go to the dead-letter topic at once. Anything a handler throws is retried with backoff, then dead-lettered.
 */
public class InboundEvents {

    private final ProcessedEvents processed;
    private final Validator validator;
    private final MeterRegistry meters;

    public InboundEvents(ProcessedEvents processed, Validator validator, MeterRegistry meters) {
        this.processed = processed;
        this.validator = validator;
        this.meters = meters;
    }

    /** Starts a consumer; the name keys its deduplication record, so keep it stable across releases. */
    public Builder consumer(String name) {
        return new Builder(name);
    }

    public final class Builder {

        private final String name;
        private final Map<String, Handler<?>> handlers = new LinkedHashMap<>();
        private final Set<String> ignored = new TreeSet<>();

        private Builder(String name) {
            this.name = name;
        }

        public <T> Builder on(String type, Class<T> dataType, Consumer<InboundEvent<T>> handler) {
            if (handlers.putIfAbsent(type, new Handler<>(dataType, handler)) != null) {
                throw new IllegalArgumentException("two handlers for " + type);
            }
            return this;
        }

        /** Event types on the topic that this consumer knowingly does not need. */
        public Builder ignore(String... types) {
            ignored.addAll(Set.of(types));
            return this;
        }

        public Consumer<Message<byte[]>> build() {
            return new Dispatcher(name, Map.copyOf(handlers), Set.copyOf(ignored));
        }
    }

    private record Handler<T>(Class<T> dataType, Consumer<InboundEvent<T>> handler) {
    }

    private final class Dispatcher implements Consumer<Message<byte[]>> {

        private final String name;
        private final Map<String, Handler<?>> handlers;
        private final Set<String> ignored;

        Dispatcher(String name, Map<String, Handler<?>> handlers, Set<String> ignored) {
            this.name = name;
            this.handlers = handlers;
            this.ignored = ignored;
        }

        @Override
        public void accept(Message<byte[]> message) {
            MessageHeaders headers = message.getHeaders();
            String id = required(headers, CloudEventHeaders.ID);
            String type = required(headers, CloudEventHeaders.TYPE);
            String source = required(headers, CloudEventHeaders.SOURCE);
            String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
            if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
                throw new MalformedEventException("unsupported ce_specversion " + specVersion);
            }
            Handler<?> handler = handlers.get(type);
            if (handler == null) {
                if (ignored.contains(type)) {
                    count(type, "ignored");
                    return;
                }
                throw new UnknownEventTypeException(type);
            }
            if (processed.contains(name, id)) {
                count(type, "duplicate");
                return;
            }
            dispatch(handler, message, id, type, source);
            processed.add(name, id, type);
            count(type, "processed");
        }

        private <T> void dispatch(Handler<T> handler, Message<byte[]> message, String id, String type, String source) {
            MessageHeaders headers = message.getHeaders();
            T data = parse(message.getPayload(), handler.dataType());
            InboundEvent<T> event = new InboundEvent<>(id, type, source,
                    CloudEventHeaders.read(headers, CloudEventHeaders.SUBJECT).orElse(null),
                    time(headers), key(headers), data);
            handler.handler().accept(event);
        }

        private <T> T parse(byte[] payload, Class<T> dataType) {
            if (payload == null || payload.length == 0) {
                throw new MalformedEventException("event has no data");
            }
            T data;
            try {
                data = EventJson.read(payload, dataType);
            } catch (JacksonException e) {
                throw new MalformedEventException("event data is not valid JSON for " + dataType.getSimpleName()
                        + ": " + e.getOriginalMessage(), e);
            }
            if (data == null) {
                throw new MalformedEventException("event data is null");
            }
            Set<ConstraintViolation<T>> violations = validator.validate(data);
            if (!violations.isEmpty()) {
                throw new MalformedEventException("event data is invalid: " + violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                        .collect(Collectors.joining(", ")));
            }
            return data;
        }

        private void count(String type, String outcome) {
            meters.counter("eshkola.events.consumed", "consumer", name, "type", type, "outcome", outcome).increment();
        }
    }

    private static String required(MessageHeaders headers, String attribute) {
        return CloudEventHeaders.read(headers, attribute)
                .orElseThrow(() -> new MalformedEventException("missing CloudEvents attribute " + attribute));
    }

    private static Instant time(MessageHeaders headers) {
        return CloudEventHeaders.read(headers, CloudEventHeaders.TIME).map(text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new MalformedEventException("ce_time is not an RFC 3339 timestamp: " + text, e);
            }
        }).orElse(null);
    }

    private static String key(MessageHeaders headers) {
        Object key = headers.get(KafkaHeaders.RECEIVED_KEY);
        if (key instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return key == null ? null : key.toString();
    }
}
