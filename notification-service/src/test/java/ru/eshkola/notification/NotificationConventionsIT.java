package ru.eshkola.notification;

import ru.eshkola.kit.testing.ServiceConventions;

@NotificationIT
class NotificationConventionsIT extends ServiceConventions {
}
