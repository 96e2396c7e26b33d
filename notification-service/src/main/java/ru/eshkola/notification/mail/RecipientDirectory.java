package ru.eshkola.notification.mail;

import java.util.Optional;

/**
 * Where the sender looks up the address of a message queued before the address was known (an access granted before
 * its account's credentials event arrived). Implemented by the contact store, fed only by events.
 */
public interface RecipientDirectory {

    Optional<Recipient> find(String recipientId);
}
