package ru.eshkola.applications;

import org.junit.jupiter.api.Test;

import ru.eshkola.kit.testing.ServiceConventions;

@ApplicationsIT
class ApplicationsConventionsIT extends ServiceConventions {

    @Test
    void theApiIsAResourceServer() {
        verifySecurityConventions("/api/v1/applications?schoolId=any-school");
    }
}
