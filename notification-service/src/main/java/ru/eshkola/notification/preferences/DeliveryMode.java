package ru.eshkola.notification.preferences;

/** How a recipient wants a digestible category: each change at once, or the day's changes in one mail. */
public enum DeliveryMode {
    INSTANT,
    DIGEST
}
