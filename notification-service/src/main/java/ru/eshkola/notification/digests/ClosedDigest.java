package ru.eshkola.notification.digests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * A digest whose hour came: no item is added to it any more (later ones go to the next day's).
 *
 * @param id          stable id ({@code <kind>:<recipient>:<sendDate>}), the cause of the mails made from it
 * @param recipientId whom the items are collected for (a guardian's account, a school)
 * @param sendDate    the local date of its sending hour
 * @param items       item key → item (with its {@code version})
 */
public record ClosedDigest(String id, String kind, String recipientId, LocalDate sendDate, Instant dueAt, ZoneId zone,
        Map<String, Map<String, Object>> items) {
}
