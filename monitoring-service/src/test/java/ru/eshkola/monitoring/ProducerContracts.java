package ru.eshkola.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import ru.eshkola.kit.events.EventJson;
import ru.eshkola.kit.testing.JsonSchemas;

/**
 * Monitoring reads the producers' published contract files, never their classes: each producer's example must be
 * valid against the producer's schema, and must read into monitoring's own tolerant record and pass its checks.
 */
public final class ProducerContracts {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private ProducerContracts() {
    }

    public static <T> T read(String producer, String type, Class<T> record) {
        Path schema = JsonSchemas.repositoryFile(producer + "/src/main/resources/contracts/schemas/" + type + ".json");
        Path example = JsonSchemas.repositoryFile(producer + "/src/main/resources/contracts/examples/" + type
                + ".json");
        try {
            String json = Files.readString(example);
            JsonSchemas.assertValid(schema, json);
            T data = EventJson.read(json.getBytes(), record);
            assertThat(VALIDATOR.validate(data)).as(type + " read into " + record.getSimpleName()).isEmpty();
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
