package ru.eshkola.notification.mail;

/**
 * Who a mail goes to.
 *
 * @param id      the applications account id or the journal staff id; null for an applicant known only by an address
 * @param address the e-mail address; null when not known yet (looked up again when the mail is sent)
 * @param name    how the mail addresses the person; may be null
 */
public record Recipient(String id, String address, String name) {

    public Recipient {
        if (id == null && (address == null || address.isBlank())) {
            throw new IllegalArgumentException("a recipient needs an id or an address");
        }
    }

    /** What keys the message: the id when there is one, else the address. */
    String key() {
        return id != null ? id : address.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
