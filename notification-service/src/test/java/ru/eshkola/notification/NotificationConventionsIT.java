package ru.eshkola.notification;

import ru.eshkola.kit.testing.ServiceConventions;
import ru.eshkola.kit.testing.ServiceIntegrationTest;

@ServiceIntegrationTest
class NotificationConventionsIT extends ServiceConventions {
}
