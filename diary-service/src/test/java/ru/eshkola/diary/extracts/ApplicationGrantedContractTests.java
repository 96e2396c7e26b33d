package ru.eshkola.diary.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.kit.events.EventJson;
import ru.eshkola.kit.testing.JsonSchemas;

/** applications.application.granted.v1 as the producer publishes it, with and without the extract's period. */
class ApplicationGrantedContractTests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final Path SCHEMA = JsonSchemas.repositoryFile(
            "applications-service/src/main/resources/contracts/schemas/applications.application.granted.v1.json");

    @Test
    void theProducersExampleReadsIntoTheDiarysRecord() throws Exception {
        String json = Files.readString(JsonSchemas.repositoryFile(
                "applications-service/src/main/resources/contracts/examples/applications.application.granted.v1.json"));
        JsonSchemas.assertValid(SCHEMA, json);
        var granted = EventJson.read(json.getBytes(), ExtractEvents.ApplicationGranted.class);
        assertThat(VALIDATOR.validate(granted)).isEmpty();
        assertThat(granted.extractPeriod()).as("an electronic diary application has none").isNull();
    }

    @Test
    void aPaperExtractsPeriodIsInTheSchemaAndReadByTheDiary() throws Exception {
        ObjectNode json = (ObjectNode) JsonMapper.shared().readTree(Files.readString(JsonSchemas.repositoryFile(
                "applications-service/src/main/resources/contracts/examples/applications.application.granted.v1.json")));
        json.put("kind", "PAPER_EXTRACT").putObject("extractPeriod").put("from", "2026-09-01").put("to", "2026-10-31");
        JsonSchemas.assertValid(SCHEMA, json.toString());
        var granted = EventJson.read(json.toString().getBytes(), ExtractEvents.ApplicationGranted.class);
        assertThat(granted.extractPeriod().to()).isEqualTo(LocalDate.of(2026, 10, 31));

        json.putObject("extractPeriod").put("from", "1 сентября");
        assertThat(JsonSchemas.violations(SCHEMA, json.toString())).as("the producer's schema checks the period")
                .isNotEmpty();
    }
}
