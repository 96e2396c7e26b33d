package ru.eshkola.diary;

import org.junit.jupiter.api.Test;

import ru.eshkola.kit.testing.ServiceConventions;
import ru.eshkola.kit.testing.ServiceIntegrationTest;

@ServiceIntegrationTest
class DiaryConventionsIT extends ServiceConventions {

    @Test
    void theApiIsAResourceServer() {
        verifySecurityConventions("/api/v1/students/any-student/week");
    }
}
