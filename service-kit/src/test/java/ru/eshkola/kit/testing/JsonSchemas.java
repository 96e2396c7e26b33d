package ru.eshkola.kit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates JSON against a JSON Schema (draft 2020-12, formats asserted). Producers check what they really
 * publish; consumers check the producer's examples, reading the producer's schema files, never its classes.
 */
public final class JsonSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private JsonSchemas() {
    }

    /** The violations of {@code json} against the schema file; empty when valid. */
    public static List<String> violations(Path schemaFile, String json) {
        try (InputStream schemaText = Files.newInputStream(schemaFile)) {
            JsonSchema schema = FACTORY.getSchema(schemaText, CONFIG);
            JsonNode document = JSON.readTree(json);
            Set<ValidationMessage> messages = schema.validate(document);
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertValid(Path schemaFile, String json) {
        List<String> violations = violations(schemaFile, json);
        if (!violations.isEmpty()) {
            throw new AssertionError(json + " does not match " + schemaFile + ": " + violations);
        }
    }

    /**
     * Checks a record a producer really published against the schema of its {@code ce_type}, from the producer's
     * module ({@code <service>/src/main/resources/contracts/schemas/<type>.json}).
     */
    public static void assertValidEvent(String producerModule,
            org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record) {
        String type = EventProbe.header(record, "ce_type");
        if (type == null) {
            throw new AssertionError("record without ce_type on " + record.topic());
        }
        assertValid(repositoryFile(producerModule + "/src/main/resources/contracts/schemas/" + type + ".json"),
                EventProbe.value(record));
    }

    /** A file of the repository, found from the module directory the tests run in. */
    public static Path repositoryFile(String relativePath) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relativePath);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalArgumentException("no " + relativePath + " above " + Path.of("").toAbsolutePath());
    }
}
