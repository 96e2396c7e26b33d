package ru.eshkola.journal;

import org.junit.jupiter.api.Test;

import ru.eshkola.kit.testing.ServiceArchitecture;

class ModularityTests {

    @Test
    void featuresArePackagedByFeatureWithoutCyclesAndUseNoOtherServicesCode() {
        ServiceArchitecture.verify("ru.eshkola.journal");
    }
}
