package ru.eshkola.journal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import ru.eshkola.kit.events.EventJson;
import ru.eshkola.kit.testing.JsonSchemas;

/** applications-service's blocked-account event, against its schema, read into the journal's own tolerant record. */
class ApplicationsContractTests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theProducersExampleIsValidAndReadsIntoTheJournalsRecord() throws Exception {
        String type = "applications.account.blocked.v1";
        String json = Files.readString(JsonSchemas.repositoryFile(
                "applications-service/src/main/resources/contracts/examples/" + type + ".json"));
        JsonSchemas.assertValid(JsonSchemas.repositoryFile(
                "applications-service/src/main/resources/contracts/schemas/" + type + ".json"), json);

        AccountEvents.AccountBlocked blocked = EventJson.read(json.getBytes(), AccountEvents.AccountBlocked.class);

        assertThat(VALIDATOR.validate(blocked)).isEmpty();
        assertThat(blocked.accountId()).isNotBlank();
        assertThat(blocked.tokensInvalidBefore()).as("what revocation relies on").isNotNull();
    }

    @Test
    void theSchemaRequiresWhatTheJournalReads() throws Exception {
        String schema = Files.readString(JsonSchemas.repositoryFile(
                "applications-service/src/main/resources/contracts/schemas/applications.account.blocked.v1.json"));
        var required = EventJson.read(schema.getBytes(), tools.jackson.databind.JsonNode.class).get("required");
        assertThat(required.valueStream().map(tools.jackson.databind.JsonNode::asString).toList())
                .contains("accountId", "tokensInvalidBefore");
    }
}
