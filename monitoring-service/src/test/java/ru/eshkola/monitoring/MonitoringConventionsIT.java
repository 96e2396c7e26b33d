package ru.eshkola.monitoring;

import ru.eshkola.kit.testing.ServiceConventions;
import ru.eshkola.kit.testing.ServiceIntegrationTest;

@ServiceIntegrationTest
class MonitoringConventionsIT extends ServiceConventions {
}
