package ru.eshkola.notification.preferences;

import java.util.Map;
import java.util.Set;

/**
 * What one recipient chose: the delivery mode of each digestible category, the digest's hour and the categories they
 * unsubscribed from. A recipient who never chose anything gets the defaults (everything subscribed, progress in the
 * daily digest).
 *
 * @param recipientId  the applications account id (parents, students, applicants) or the journal staff id
 * @param digestHour   local hour of the daily digest
 * @param modes        chosen delivery modes; a digestible category not listed comes in the digest
 * @param unsubscribed categories the recipient does not want; mandatory ones are never in it
 */
public record RecipientPreferences(String recipientId, int digestHour, Map<Category, DeliveryMode> modes,
        Set<Category> unsubscribed) {

    public DeliveryMode mode(Category category) {
        if (!category.digestible()) {
            return DeliveryMode.INSTANT;
        }
        return modes.getOrDefault(category, DeliveryMode.DIGEST);
    }

    public boolean wants(Category category) {
        return category.mandatory() || !unsubscribed.contains(category);
    }
}
