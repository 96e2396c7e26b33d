package ru.eshkola.kit.outbox;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an event type goes: its CloudEvents type and its topic. Services declare one constant per published type,
 * so the wire names are written once, explicitly, and never derived from Java class names.
 */
public record EventRoute(String type, String topic) {

    private static final Pattern TYPE = Pattern.compile("[a-z]+(\\.[a-z][a-z-]*)+\\.v[1-9][0-9]*");

    public EventRoute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must look like <service>.<entity>.<verb>.v<N>: " + type);
        }
    }
}
