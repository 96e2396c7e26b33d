package ru.eshkola.applications.applications;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import ru.eshkola.applications.registers.Relation;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.web.PageResponse;

@RestController
@RequestMapping("/api/v1/applications")
@Validated
@Tag(name = "Applications", description = "The register of applications for the public service, and decisions")
class ApplicationController {

    private final ApplicationRegister register;
    private final DecisionDeadlines deadlines;
    private final RefusalNotice notice;
    private final ApplicationSettings settings;
    private final ApplicationsAccess access;
    private final AuditLog audit;

    ApplicationController(ApplicationRegister register, DecisionDeadlines deadlines, RefusalNotice notice,
            ApplicationSettings settings, ApplicationsAccess access, AuditLog audit) {
        this.register = register;
        this.deadlines = deadlines;
        this.notice = notice;
        this.settings = settings;
        this.access = access;
        this.audit = audit;
    }

    record PowerOfAttorneyRef(@NotBlank @Size(max = 100) String number, @NotNull LocalDate issuedOn,
            LocalDate validUntil) {
    }

    record ApplicantRef(@NotNull Relation relation, @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Size(max = 100) String firstName, @Size(max = 100) String middleName,
            @NotBlank @Email @Size(max = 200) String email, @Size(max = 40) String phone,
            @Valid PowerOfAttorneyRef powerOfAttorney) {
    }

    record PeriodRef(@NotNull LocalDate from, @NotNull LocalDate to) {
    }

    record DocumentRef(@NotBlank @Size(max = 300) String title, @Min(1) @Max(1000) Integer pages) {
    }

    record Apply(@NotBlank @Size(max = 64) String schoolId, @NotNull Application.Kind kind,
            @NotNull @Valid ApplicantRef applicant,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 200) String> studentIds,
            @Valid PeriodRef extractPeriod, @Size(max = 64) String terminatesApplicationId,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid DocumentRef> documents, Instant receivedAt) {
    }

    record Grant(@Size(max = 2000) String note) {
    }

    record Refuse(@NotEmpty(message = "a refusal states its grounds") @Size(max = 10)
            List<@NotBlank @Size(max = 64) String> grounds, @Size(max = 4000) String text) {
    }

    record Terminate(@NotNull Application.TerminationReason reason, @Size(max = 2000) String note) {
    }

    record DecisionView(Instant decidedAt, String decidedBy, LocalDate decisionDay, List<String> grounds,
            List<String> groundTexts, String text, List<String> consentIds, boolean onTime, String refusalNotice) {
    }

    record TerminationView(Instant terminatedAt, String terminatedBy, Application.TerminationReason reason,
            String note, String consentId, String terminationApplicationId) {
    }

    record ApplicationView(String id, String schoolId, String registrationNumber, Application.Kind kind,
            Application.State state, Application.Applicant applicant, List<Application.StudentRef> students,
            Application.Period extractPeriod, String terminatesApplicationId, List<Application.Paper> documents,
            Instant receivedAt, Instant registeredAt, String registeredBy, LocalDate registrationDue,
            LocalDate decisionDue, DecisionView decision, TerminationView termination, int version,
            List<AuditEntry> history) {

        static ApplicationView of(Application a) {
            Application.Decision d = a.decision();
            Application.Termination t = a.termination();
            return new ApplicationView(a.id(), a.schoolId(), a.registrationNumber(), a.kind(), a.state(),
                    a.applicant(), a.students(), a.extractPeriod(), a.terminatesApplicationId(), a.documents(),
                    a.receivedAt(), a.registeredAt(), a.registeredBy(), a.registrationDue(), a.decisionDue(),
                    d == null ? null : new DecisionView(d.decidedAt(), d.decidedBy(), d.decisionDay(), d.grounds(),
                            d.groundTexts(), d.text(), d.consentIds(), d.onTime(),
                            a.state() == Application.State.REFUSED ? ApplicationRegister.noticeUrl(a.id()) : null),
                    t == null ? null : new TerminationView(t.terminatedAt(), t.terminatedBy(), t.reason(), t.note(),
                            t.consentId(), t.terminationApplicationId()),
                    a.revision(), a.history());
        }
    }

    record DueView(String id, String registrationNumber, Instant receivedAt, LocalDate decisionDue, String stage,
            int workingDaysLeft) {
    }

    @PostMapping
    @Operation(summary = "Register a received application",
            description = "Refused with 400 naming each field when the student is not enrolled in the school, a "
                    + "student applicant is under 14, a representative has no power of attorney, ... "
                    + "Publishes applications.application.received.v1")
    ResponseEntity<ApplicationView> apply(@Valid @RequestBody Apply request, Caller caller) {
        access.requireAdministrator(caller, request.schoolId());
        Application application = register.register(request, caller.accountId());
        changed(caller, application);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + application.id()))
                .body(ApplicationView.of(application));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One application with its trail of who did what when")
    ApplicationView get(@PathVariable String id, Caller caller) {
        Application application = register.get(id);
        access.requireRegisterReader(caller, application.schoolId());
        audit.read(caller, application.schoolId(), application.studentIds(), List.of(entry(application)));
        return ApplicationView.of(application);
    }

    @PostMapping("/{id}/grant")
    @Operation(summary = "Grant the service", description = "Needs a valid consent for every student; a "
            + "termination application ends the service it names. Publishes applications.application.granted.v1; "
            + "for the electronic diary an account is then issued (applications.account.issued.v1)")
    ApplicationView grant(@PathVariable String id, @Valid @RequestBody(required = false) Grant request,
            Caller caller) {
        access.requireAdministrator(caller, register.get(id).schoolId());
        return ApplicationView.of(changed(caller, register.grant(id, request == null ? null : request.note(),
                caller.accountId())));
    }

    @PostMapping("/{id}/refusal")
    @Operation(summary = "Refuse, stating the grounds",
            description = "Produces the written refusal notice (refusal-notice.pdf). Publishes "
                    + "applications.application.refused.v1")
    ApplicationView refuse(@PathVariable String id, @Valid @RequestBody Refuse request, Caller caller) {
        access.requireAdministrator(caller, register.get(id).schoolId());
        return ApplicationView.of(changed(caller, register.refuse(id, request.grounds(), request.text(),
                caller.accountId())));
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "Terminate a granted service",
            description = "The account's access to the students ends (applications.access.revoked.v1), and an "
                    + "account with nothing left is blocked. Publishes applications.application.terminated.v1")
    ApplicationView terminate(@PathVariable String id, @Valid @RequestBody Terminate request, Caller caller) {
        access.requireAdministrator(caller, register.get(id).schoolId());
        return ApplicationView.of(changed(caller, register.terminate(id, request.reason(), request.note(),
                caller.accountId())));
    }

    @GetMapping(value = "/{id}/refusal-notice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The written refusal notice (Russian, PDF)")
    ResponseEntity<byte[]> refusalNotice(@PathVariable String id, Caller caller) {
        Application application = register.get(id);
        access.requireRegisterReader(caller, application.schoolId());
        if (application.state() != Application.State.REFUSED) {
            throw ProblemException.notFound("refusal notice of application", id);
        }
        byte[] pdf = notice.render(application);
        audit.read(caller, application.schoolId(), application.studentIds(), List.of(entry(application)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("refusal-" + application.registrationNumber() + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping
    @Operation(summary = "The applications of a school, newest first")
    PageResponse<ApplicationView> list(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) Application.State state,
            @RequestParam(required = false) Application.Kind kind,
            @RequestParam(required = false) Instant receivedFrom, @RequestParam(required = false) Instant receivedTo,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        access.requireRegisterReader(caller, schoolId);
        Page<Application> found = register.list(ApplicationRegister.filter(schoolId, state, kind, receivedFrom,
                receivedTo), PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "registeredAt")));
        audit.read(caller, schoolId, found.stream().flatMap(a -> a.studentIds().stream()).toList(),
                found.stream().map(ApplicationController::entry).toList());
        return PageResponse.of(found, ApplicationView::of);
    }

    @GetMapping("/due")
    @Operation(summary = "Open applications whose decision is due soon or overdue, earliest first")
    List<DueView> due(@RequestParam @NotBlank String schoolId, Caller caller) {
        access.requireRegisterReader(caller, schoolId);
        // ids, numbers and dates only: no personal data, nothing to audit
        return deadlines.due(schoolId).stream().map(d -> new DueView(d.application().id(),
                d.application().registrationNumber(), d.application().receivedAt(), d.application().decisionDue(),
                d.deadline().stage().name(), d.deadline().workingDaysLeft())).toList();
    }

    @GetMapping("/refusal-grounds")
    @Operation(summary = "The grounds a refusal may state (code → wording of the notice)")
    Map<String, String> refusalGrounds() {
        return settings.refusalGrounds();
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The applications of a school as CSV (UTF-8 with BOM, semicolons)")
    ResponseEntity<StreamingResponseBody> export(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) Application.State state,
            @RequestParam(required = false) Application.Kind kind,
            @RequestParam(required = false) Instant receivedFrom, @RequestParam(required = false) Instant receivedTo,
            Caller caller) {
        access.requireRegisterReader(caller, schoolId);
        AuditLog.Export trail = audit.export(caller, schoolId);
        return Csv.download("applications.csv", List.of("registrationNumber", "id", "kind", "state", "applicant",
                "relation", "email", "students", "documents", "receivedAt", "registeredAt", "registeredBy",
                "decisionDue", "decidedAt", "decidedBy", "grounds", "onTime", "terminatedAt", "terminatedBy",
                "terminationReason"), csv -> trail.around(() -> register.each(ApplicationRegister.filter(schoolId,
                        state, kind, receivedFrom, receivedTo), a -> {
                            trail.add(entry(a), a.studentIds());
                            Application.Decision d = a.decision();
                            Application.Termination t = a.termination();
                            csv.row(a.registrationNumber(), a.id(), a.kind(), a.state(), a.applicant().fullName(),
                                    a.applicant().relation(), a.applicant().email(),
                                    String.join(", ", a.students().stream().map(Application.StudentRef::fullName)
                                            .toList()),
                                    String.join(", ", a.documents().stream().map(Application.Paper::title).toList()),
                                    a.receivedAt(), a.registeredAt(), a.registeredBy(), a.decisionDue(),
                                    d == null ? null : d.decidedAt(), d == null ? null : d.decidedBy(),
                                    d == null ? null : String.join(",", d.grounds()), d == null ? null : d.onTime(),
                                    t == null ? null : t.terminatedAt(), t == null ? null : t.terminatedBy(),
                                    t == null ? null : t.reason());
                        })));
    }

    private Application changed(Caller caller, Application application) {
        audit.changed(caller, application.schoolId(), application.studentIds(), List.of(entry(application)));
        return application;
    }

    private static String entry(Application application) {
        return "application:" + application.id();
    }
}
