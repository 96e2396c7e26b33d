package ru.eshkola.monitoring;

import ru.eshkola.kit.testing.ServiceConventions;

@MonitoringIntegrationTest
class MonitoringConventionsIT extends ServiceConventions {
}
