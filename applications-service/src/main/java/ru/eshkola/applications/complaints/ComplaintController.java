package ru.eshkola.applications.complaints;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import ru.eshkola.applications.access.ApplicationsAccess;
import ru.eshkola.applications.access.AuditLog;
import ru.eshkola.applications.registers.AuditEntry;
import ru.eshkola.applications.registers.Csv;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.web.PageResponse;

@RestController
@RequestMapping("/api/v1/complaints")
@Validated
@Tag(name = "Complaints", description = "The register of complaints (досудебное обжалование)")
class ComplaintController {

    private final ComplaintRegister register;
    private final ApplicationsAccess access;
    private final AuditLog audit;

    ComplaintController(ComplaintRegister register, ApplicationsAccess access, AuditLog audit) {
        this.register = register;
        this.access = access;
        this.audit = audit;
    }

    record ComplainantRef(@NotBlank @Size(max = 100) String lastName, @NotBlank @Size(max = 100) String firstName,
            @Size(max = 100) String middleName, @NotBlank @Email @Size(max = 200) String email,
            @Size(max = 40) String phone) {
    }

    record Register(@NotBlank @Size(max = 64) String schoolId, @Size(max = 64) String applicationId,
            @NotNull Complaint.Subject subject, @NotNull @Valid ComplainantRef complainant,
            @NotBlank @Size(max = 8000) String text, Instant receivedAt) {
    }

    record Answer(@NotNull Complaint.Outcome outcome, @NotBlank @Size(max = 8000) String answer) {
    }

    record ComplaintView(String id, String schoolId, String registrationNumber, String applicationId,
            Complaint.Subject subject, Complaint.Complainant complainant, String text, Complaint.State state,
            Instant receivedAt, Instant registeredAt, String registeredBy, LocalDate registrationDue,
            LocalDate answerDue, Complaint.Answer answer, int version, List<AuditEntry> history) {

        static ComplaintView of(Complaint c) {
            return new ComplaintView(c.id(), c.schoolId(), c.registrationNumber(), c.applicationId(), c.subject(),
                    c.complainant(), c.text(), c.state(), c.receivedAt(), c.registeredAt(), c.registeredBy(),
                    c.registrationDue(), c.answerDue(), c.answer(), c.revision(), c.history());
        }
    }

    record DueView(String id, String registrationNumber, Complaint.Subject subject, LocalDate answerDue, String stage,
            int workingDaysLeft) {
    }

    @PostMapping
    @Operation(summary = "Register a complaint", description = "Publishes applications.complaint.registered.v1")
    ResponseEntity<ComplaintView> register(@Valid @RequestBody Register request, Caller caller) {
        access.requireAdministrator(caller, request.schoolId());
        Complaint complaint = changed(caller, register.register(request, caller.accountId()));
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + complaint.id()))
                .body(ComplaintView.of(complaint));
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Record the answer", description = "Publishes applications.complaint.answered.v1, "
            + "from which notification sends the answer")
    ComplaintView answer(@PathVariable String id, @Valid @RequestBody Answer request, Caller caller) {
        access.requireAdministrator(caller, register.get(id).schoolId());
        return ComplaintView.of(changed(caller, register.answer(id, request.outcome(), request.answer(),
                caller.accountId())));
    }

    @GetMapping("/{id}")
    ComplaintView get(@PathVariable String id, Caller caller) {
        Complaint complaint = register.get(id);
        access.requireRegisterReader(caller, complaint.schoolId());
        audit.read(caller, complaint.schoolId(), List.of(), List.of(entry(complaint)));
        return ComplaintView.of(complaint);
    }

    @GetMapping
    @Operation(summary = "The complaints of a school, newest first")
    PageResponse<ComplaintView> list(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) Complaint.State state,
            @RequestParam(required = false) @Size(max = 64) String applicationId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        access.requireRegisterReader(caller, schoolId);
        Page<Complaint> found = register.list(ComplaintRegister.filter(schoolId, state, applicationId),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "registeredAt")));
        audit.read(caller, schoolId, List.of(), found.stream().map(ComplaintController::entry).toList());
        return PageResponse.of(found, ComplaintView::of);
    }

    @GetMapping("/due")
    @Operation(summary = "Open complaints whose answer is due soon or overdue, earliest first")
    List<DueView> due(@RequestParam @NotBlank String schoolId, Caller caller) {
        access.requireRegisterReader(caller, schoolId);
        // ids, numbers and dates only: no personal data, nothing to audit
        return register.due(schoolId).stream().map(d -> new DueView(d.complaint().id(),
                d.complaint().registrationNumber(), d.complaint().subject(), d.complaint().answerDue(),
                d.deadline().stage().name(), d.deadline().workingDaysLeft())).toList();
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The complaints of a school as CSV (UTF-8 with BOM, semicolons)")
    ResponseEntity<StreamingResponseBody> export(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) Complaint.State state,
            @RequestParam(required = false) @Size(max = 64) String applicationId, Caller caller) {
        access.requireRegisterReader(caller, schoolId);
        AuditLog.Export trail = audit.export(caller, schoolId);
        return Csv.download("complaints.csv", List.of("registrationNumber", "id", "subject", "applicationId",
                "complainant", "email", "text", "receivedAt", "registeredAt", "registeredBy", "answerDue", "state",
                "answeredAt", "answeredBy", "outcome", "answer", "onTime"),
                csv -> trail.around(() -> register.each(ComplaintRegister.filter(schoolId, state, applicationId),
                        c -> {
                    trail.add(entry(c), List.of());
                    Complaint.Answer a = c.answer();
                    csv.row(c.registrationNumber(), c.id(), c.subject(), c.applicationId(),
                            c.complainant().fullName(), c.complainant().email(), c.text(), c.receivedAt(),
                            c.registeredAt(), c.registeredBy(), c.answerDue(), c.state(),
                            a == null ? null : a.answeredAt(), a == null ? null : a.answeredBy(),
                            a == null ? null : a.outcome(), a == null ? null : a.text(),
                            a == null ? null : a.onTime());
                })));
    }

    /** A complaint holds the complainant's data, not a student's: audited by its entry. */
    private Complaint changed(Caller caller, Complaint complaint) {
        audit.changed(caller, complaint.schoolId(), List.of(), List.of(entry(complaint)));
        return complaint;
    }

    private static String entry(Complaint complaint) {
        return "complaint:" + complaint.id();
    }
}
