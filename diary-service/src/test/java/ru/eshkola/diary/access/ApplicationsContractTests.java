package ru.eshkola.diary.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.eshkola.kit.events.EventJson;
import ru.eshkola.kit.testing.JsonSchemas;

/** applications-service's examples of access and account events, against its schemas, read into the diary's records. */
class ApplicationsContractTests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "applications.access.granted.v1, AccessChanged",
            "applications.access.revoked.v1, AccessChanged",
            "applications.account.blocked.v1, AccountBlocked"})
    void theExampleIsValidAndReadsIntoTheDiarysOwnRecord(String type, String record) throws Exception {
        String json = example(type);
        JsonSchemas.assertValid(JsonSchemas.repositoryFile(
                "applications-service/src/main/resources/contracts/schemas/" + type + ".json"), json);
        Object event = EventJson.read(json.getBytes(), Class.forName(ApplicationsEvents.class.getName() + "$" + record));
        assertThat(VALIDATOR.validate(event)).as(type).isEmpty();
    }

    @Test
    void whatAccessChecksRelyOnIsThere() throws IOException {
        var revoked = EventJson.read(example("applications.access.revoked.v1").getBytes(),
                ApplicationsEvents.AccessChanged.class);
        assertThat(revoked.guardianAccountId()).isNotBlank();
        assertThat(revoked.to()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(revoked.version()).isEqualTo(2);
        var blocked = EventJson.read(example("applications.account.blocked.v1").getBytes(),
                ApplicationsEvents.AccountBlocked.class);
        assertThat(blocked.tokensInvalidBefore()).isNotNull();
    }

    static String example(String type) throws IOException {
        return Files.readString(JsonSchemas.repositoryFile(
                "applications-service/src/main/resources/contracts/examples/" + type + ".json"));
    }
}
