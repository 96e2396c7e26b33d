package ru.eshkola.kit.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping for event data, shared by producers (outbox) and consumers (inbox).
 *
 * <p>Readers are tolerant (unknown fields are ignored, so a producer may add optional fields within a major
 * version); writers omit nulls so that an absent optional field and a null one look the same on the wire.
 * Kept static on purpose: aggregates serialise their events while recording them, without a Spring bean at hand.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(Object data) {
        return MAPPER.writeValueAsString(data);
    }

    public static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
