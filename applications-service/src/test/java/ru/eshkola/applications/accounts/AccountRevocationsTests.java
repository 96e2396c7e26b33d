package ru.eshkola.applications.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import ru.eshkola.kit.events.EventJson;
import ru.eshkola.kit.testing.JsonSchemas;

/** The service reads its own blocked event like any consumer: from the published example, into its own record. */
class AccountRevocationsTests {

    @Test
    void theBlockedExampleReadsIntoTheRevocationsRecord() throws Exception {
        String json = Files.readString(JsonSchemas.repositoryFile(
                "applications-service/src/main/resources/contracts/examples/applications.account.blocked.v1.json"));

        AccountRevocations.BlockedAccount blocked = EventJson.read(json.getBytes(),
                AccountRevocations.BlockedAccount.class);

        assertThat(Validation.buildDefaultValidatorFactory().getValidator().validate(blocked)).isEmpty();
        assertThat(blocked.accountId()).isEqualTo("019ab5b2-3d4e-7f5a-9b6c-7d8e9f0a1b2c");
        assertThat(blocked.tokensInvalidBefore()).isEqualTo(Instant.parse("2027-02-01T06:00:01Z"));
    }
}
