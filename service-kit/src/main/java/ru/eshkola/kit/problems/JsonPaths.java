package ru.eshkola.kit.problems;

import tools.jackson.core.JacksonException;

/** Turns Jackson's reference chain into the field path a client wrote, e.g. {@code grades[2].value}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(JacksonException error) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
