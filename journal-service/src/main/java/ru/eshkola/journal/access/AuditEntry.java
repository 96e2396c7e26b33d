package ru.eshkola.journal.access;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read or change of children's personal data in the journal, or a refused attempt at one (152-ФЗ: who touched
 * whose data, when and from where). Append-only: nothing in the service updates or deletes an entry; MongoDB drops
 * it after {@code eshkola.audit.retention}.
 *
 * @param id         time-ordered
 * @param accountId  who: the token's {@code sub}
 * @param roles      the roles the caller's token carried
 * @param action     {@code READ} or {@code CHANGE}
 * @param what       the request: method, path and query (ids and dates only, never names)
 * @param schoolId   the school whose data it is
 * @param studentIds whose data: the students concerned
 * @param at         when
 * @param from       the client address ({@code X-Forwarded-For} of a trusted proxy, else the peer)
 * @param outcome    {@code ALLOWED} or {@code DENIED}
 */
@Document("audit")
@CompoundIndex(name = "audit_school_at", def = "{'schoolId': 1, 'at': -1}")
@CompoundIndex(name = "audit_student_at", def = "{'studentIds': 1, 'at': -1}")
public record AuditEntry(@Id String id, String accountId, List<String> roles, String action, String what,
        String schoolId, List<String> studentIds, Instant at, String from, String outcome) {

    public static final String READ = "READ";
    public static final String CHANGE = "CHANGE";
    public static final String ALLOWED = "ALLOWED";
    public static final String DENIED = "DENIED";
}
