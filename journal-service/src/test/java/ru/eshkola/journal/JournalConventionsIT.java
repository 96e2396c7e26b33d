package ru.eshkola.journal;

import org.junit.jupiter.api.Test;

import ru.eshkola.kit.testing.ServiceConventions;

@JournalIntegrationTest
class JournalConventionsIT extends ServiceConventions {

    @Test
    void theApiIsAResourceServer() {
        verifySecurityConventions("/api/v1/schools");
    }
}
