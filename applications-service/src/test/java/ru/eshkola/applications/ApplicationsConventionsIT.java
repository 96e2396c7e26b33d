package ru.eshkola.applications;

import ru.eshkola.kit.testing.ServiceConventions;
import ru.eshkola.kit.testing.ServiceIntegrationTest;

@ServiceIntegrationTest
class ApplicationsConventionsIT extends ServiceConventions {
}
