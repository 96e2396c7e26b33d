package ru.eshkola.kit.events;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.messaging.MessageHeaders;

/**
 * CloudEvents 1.0 attributes in Kafka binary mode: one record header per attribute, the data as the record value.
 *
 * <p>Spring Cloud Function canonicalises {@code ce_id} to {@code ce-id} on the way in, and header values may arrive
 * as raw bytes, so readers go through {@link #read(MessageHeaders, String)} which accepts every spelling.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION_VALUE = "1.0";

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Kafka protocol binding: datacontenttype travels in the plain {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /**
     * Reads a CloudEvents attribute by its wire name ({@code ce_id}), accepting {@code ce-id} too, and bytes or text.
     */
    public static Optional<String> read(MessageHeaders headers, String wireName) {
        Object value = headers.get(wireName);
        if (value == null && wireName.startsWith("ce_")) {
            value = headers.get("ce-" + wireName.substring(3));
        }
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
