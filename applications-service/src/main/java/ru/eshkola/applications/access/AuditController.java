package ru.eshkola.applications.access;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.web.PageResponse;

@RestController
@Validated
@Tag(name = "Audit", description = "Who read or changed whose personal data, when and from where")
class AuditController {

    private final MongoTemplate mongo;
    private final ApplicationsAccess access;
    private final AuditLog audit;

    AuditController(MongoTemplate mongo, ApplicationsAccess access, AuditLog audit) {
        this.mongo = mongo;
        this.access = access;
        this.audit = audit;
    }

    /**
     * One audit entry. A guardian or student sees only their own student among those read, and neither the entries
     * nor the reader's address: the same read may have served other families' data.
     */
    record AuditView(String id, Instant at, String accountId, List<String> roles, String action, String endpoint,
            String schoolId, List<String> studentIds, List<String> entries, int entryCount, String outcome,
            String client) {

        static AuditView full(AuditRecord r) {
            return new AuditView(r.id(), r.at(), r.accountId(), r.roles(), r.action(), r.endpoint(), r.schoolId(),
                    r.studentIds(), r.entries(), r.entryCount(), r.outcome(), r.client());
        }

        static AuditView ofStudent(AuditRecord r, String studentId) {
            return new AuditView(r.id(), r.at(), r.accountId(), r.roles(), r.action(), r.endpoint(), r.schoolId(),
                    List.of(studentId), null, r.entryCount(), r.outcome(), null);
        }
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Search the audit of personal data, newest first",
            description = "A school's administrator: schoolId (and optionally studentId, from, to). A guardian or a "
                    + "student aged 14+: studentId of their own student. Either a school or a student is named.")
    PageResponse<AuditView> search(@RequestParam(required = false) @Size(max = 64) String schoolId,
            @RequestParam(required = false) @Size(max = 200) String studentId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        if (schoolId == null && studentId == null) {
            throw ProblemException.invalid("schoolId", "name a school (its administrator) or a student (their "
                    + "guardian)");
        }
        access.requireAuditReader(caller, schoolId, studentId);
        boolean administrator = schoolId != null && access.administers(caller, schoolId);
        Criteria criteria = new Criteria();
        if (schoolId != null) {
            criteria = criteria.and("schoolId").is(schoolId);
        }
        if (studentId != null) {
            criteria = criteria.and("studentIds").is(studentId);
        }
        if (from != null || to != null) {
            Criteria at = criteria.and("at");
            if (from != null) {
                at = at.gte(from);
            }
            if (to != null) {
                at.lt(to);
            }
        }
        Query query = Query.query(criteria);
        Pageable pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "at"));
        long total = mongo.count(query, AuditRecord.class, AuditLog.COLLECTION);
        List<AuditRecord> found = mongo.find(Query.of(query).with(pageable), AuditRecord.class, AuditLog.COLLECTION);
        PageResponse<AuditView> result = PageResponse.of(PageableExecutionUtils.getPage(found, pageable, () -> total),
                administrator ? AuditView::full : r -> AuditView.ofStudent(r, studentId));
        // the audit names students too: reading it is itself recorded
        audit.read(caller, schoolId, studentId == null ? List.of() : List.of(studentId),
                found.stream().map(r -> "audit:" + r.id()).toList());
        return result;
    }
}
