package ru.eshkola.diary.access;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One access to a student's diary, allowed or denied (152-ФЗ: who touched the data). Append-only.
 *
 * @param id        time-ordered (UUIDv7)
 * @param accountId who: the caller's account
 * @param role      in which capacity: GUARDIAN, STUDENT, SCHOOL_ADMINISTRATOR; for a denial, the caller's roles
 * @param studentId whose diary
 * @param what      which view or document, e.g. {@code week 2026-11-23}, {@code extract <id>}
 * @param at        when
 * @param from      the client address: {@code X-Forwarded-For} from a trusted proxy, else the peer address
 * @param outcome   ALLOWED or DENIED
 */
@Document("access_audit")
@CompoundIndex(name = "student_at", def = "{'studentId': 1, 'at': -1}")
public record AuditEntry(@Id String id, String accountId, String role, String studentId, String what, Instant at,
        String from, String outcome) {
}
