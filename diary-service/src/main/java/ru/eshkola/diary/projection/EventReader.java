package ru.eshkola.diary.projection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

import ru.eshkola.kit.events.CloudEventHeaders;
import ru.eshkola.kit.events.EventJson;
import ru.eshkola.kit.inbox.MalformedEventException;
import ru.eshkola.kit.inbox.UnknownEventTypeException;

/**
 * Reads one journal record as the kit's {@code InboundEvents} does — CloudEvents attributes, the data mapped to this
 * service's record and validated, unknown types refused — for the batch path, which the kit's builder does not
 * offer. Returns null for a type this service knowingly skips.
 */
@Component
public class EventReader {

    private final Validator validator;

    EventReader(Validator validator) {
        this.validator = validator;
    }

    public ParsedEvent read(MessageHeaders headers, byte[] payload) {
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        required(headers, CloudEventHeaders.SOURCE);
        String spec = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(spec)) {
            throw new MalformedEventException("unsupported ce_specversion " + spec);
        }
        Class<?> dataType = JournalTypes.HANDLED.get(type);
        if (dataType == null) {
            if (JournalTypes.IGNORED.contains(type)) {
                return null;
            }
            throw new UnknownEventTypeException(type);
        }
        return new ParsedEvent(id, type, time(headers), parse(payload, dataType));
    }

    public ParsedEvent read(Map<String, Object> headers, byte[] payload) {
        return read(new MessageHeaders(headers), payload);
    }

    private Object parse(byte[] payload, Class<?> dataType) {
        if (payload == null || payload.length == 0) {
            throw new MalformedEventException("event has no data");
        }
        Object data;
        try {
            data = EventJson.read(payload, dataType);
        } catch (JacksonException e) {
            throw new MalformedEventException("event data is not valid JSON for " + dataType.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
        if (data == null) {
            throw new MalformedEventException("event data is null");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("event data is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return data;
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

    /** Every journal topic the projection is built from, in no particular order. */
    public static List<String> topics() {
        return JournalTypes.TOPICS;
    }
}
