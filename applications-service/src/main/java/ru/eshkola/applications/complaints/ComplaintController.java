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

import ru.eshkola.applications.registers.AuditEntry;
import ru.eshkola.applications.registers.Csv;
import ru.eshkola.kit.web.CurrentActor;
import ru.eshkola.kit.web.PageResponse;

@RestController
@RequestMapping("/api/v1/complaints")
@Validated
@Tag(name = "Complaints", description = "The register of complaints (досудебное обжалование)")
class ComplaintController {

    private final ComplaintRegister register;

    ComplaintController(ComplaintRegister register) {
        this.register = register;
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
    ResponseEntity<ComplaintView> register(@Valid @RequestBody Register request, @CurrentActor String actor) {
        Complaint complaint = register.register(request, actor);
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + complaint.id()))
                .body(ComplaintView.of(complaint));
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Record the answer", description = "Publishes applications.complaint.answered.v1, "
            + "from which notification sends the answer")
    ComplaintView answer(@PathVariable String id, @Valid @RequestBody Answer request, @CurrentActor String actor) {
        return ComplaintView.of(register.answer(id, request.outcome(), request.answer(), actor));
    }

    @GetMapping("/{id}")
    ComplaintView get(@PathVariable String id) {
        return ComplaintView.of(register.get(id));
    }

    @GetMapping
    @Operation(summary = "The complaints of a school, newest first")
    PageResponse<ComplaintView> list(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) Complaint.State state,
            @RequestParam(required = false) String applicationId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(register.list(ComplaintRegister.filter(schoolId, state, applicationId),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "registeredAt"))), ComplaintView::of);
    }

    @GetMapping("/due")
    @Operation(summary = "Open complaints whose answer is due soon or overdue, earliest first")
    List<DueView> due(@RequestParam @NotBlank String schoolId) {
        return register.due(schoolId).stream().map(d -> new DueView(d.complaint().id(),
                d.complaint().registrationNumber(), d.complaint().subject(), d.complaint().answerDue(),
                d.deadline().stage().name(), d.deadline().workingDaysLeft())).toList();
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The complaints of a school as CSV (UTF-8 with BOM, semicolons)")
    ResponseEntity<StreamingResponseBody> export(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) Complaint.State state,
            @RequestParam(required = false) String applicationId) {
        return Csv.download("complaints.csv", List.of("registrationNumber", "id", "subject", "applicationId",
                "complainant", "email", "text", "receivedAt", "registeredAt", "registeredBy", "answerDue", "state",
                "answeredAt", "answeredBy", "outcome", "answer", "onTime"),
                csv -> register.each(ComplaintRegister.filter(schoolId, state, applicationId), c -> {
                    Complaint.Answer a = c.answer();
                    csv.row(c.registrationNumber(), c.id(), c.subject(), c.applicationId(),
                            c.complainant().fullName(), c.complainant().email(), c.text(), c.receivedAt(),
                            c.registeredAt(), c.registeredBy(), c.answerDue(), c.state(),
                            a == null ? null : a.answeredAt(), a == null ? null : a.answeredBy(),
                            a == null ? null : a.outcome(), a == null ? null : a.text(),
                            a == null ? null : a.onTime());
                }));
    }
}
