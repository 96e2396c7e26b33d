package ru.eshkola.diary.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.web.PageResponse;

@RestController
@Validated
@Tag(name = "Access audit", description = "Who read a student's diary, when, what and from where (152-ФЗ)")
class AccessLogController {

    private final DiaryAccess access;
    private final AccessAudit audit;

    AccessLogController(DiaryAccess access, AccessAudit audit) {
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/v1/students/{studentId}/access-log")
    @Operation(summary = "Every read of the student's diary, newest first",
            description = "For the student's guardian (active access) and the student. Denied attempts are listed "
                    + "too. Reading the log is itself recorded.")
    PageResponse<AuditEntry> accessLog(@PathVariable @Size(max = 200) String studentId,
            @Parameter(description = "zero-based") @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller,
            HttpServletRequest request) {
        access.requireReader(caller, studentId, "access-log", "access-log", request);
        return audit.list(studentId, page, size);
    }
}
