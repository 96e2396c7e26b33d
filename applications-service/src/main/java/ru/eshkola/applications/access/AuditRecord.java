package ru.eshkola.applications.access;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read or change of personal data (152-ФЗ: access to personal data is controlled and logged), or one refused
 * attempt. Written once, never updated: the service only inserts into this collection; MongoDB drops entries older
 * than {@code eshkola.audit.retention}.
 *
 * @param accountId  who: the caller's account ({@code sub}), or the account itself for its own activation
 * @param roles      the roles the caller's token carried
 * @param action     READ (opened or listed), EXPORT (a CSV download), CHANGE (registered, decided, blocked, ...)
 * @param endpoint   what: the method and the path pattern, e.g. {@code GET /api/v1/applications/{id}}
 * @param schoolId   the school whose register it was; null for what belongs to no school (operators, keys)
 * @param studentIds whose: the students whose data the response or the change held
 * @param entries    which register entries ({@code application:<id>}, {@code account:<id>}, ...), at most
 *                   {@value AuditLog#MAX_ENTRIES}
 * @param entryCount how many entries in all
 * @param outcome    DONE, DENIED (refused by an access rule: nothing was read or changed), INCOMPLETE (an export
 *                   that broke off)
 * @param client     from where: the client address (the trusted proxy's {@code X-Forwarded-For})
 */
@Document(AuditLog.COLLECTION)
record AuditRecord(@Id String id, Instant at, String accountId, List<String> roles, String action, String endpoint,
        String schoolId, List<String> studentIds, List<String> entries, int entryCount, String outcome,
        String client) {
}
