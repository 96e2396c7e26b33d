package ru.eshkola.journal.access;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.web.PageResponse;

@RestController
@Validated
@Tag(name = "Audit", description = "Who read or changed children's personal data in the journal")
class AuditController {

    private final AuditTrail audit;
    private final JournalAccess access;

    AuditController(AuditTrail audit, JournalAccess access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "The audit of a school, newest first",
            description = "For the school's administrators. Every read or change of students' records, lessons with "
                    + "grades and absences, journal pages, period results and class lists, and every refused attempt; "
                    + "optionally of one student and a time range [from, to).")
    PageResponse<AuditEntry> search(@RequestParam @Size(max = 64) String schoolId,
            @RequestParam(required = false) @Size(max = 64) String studentId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        access.requireAuditSearch(caller, schoolId);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return audit.search(schoolId, studentId, from, to, page, size);
    }
}
