package ru.eshkola.applications.consents;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.web.PageResponse;

@RestController
@RequestMapping("/api/v1/consents")
@Validated
@Tag(name = "Consents", description = "Consents to personal-data processing (152-ФЗ)")
class ConsentController {

    private final ConsentRegister register;
    private final ApplicationsAccess access;
    private final AuditLog audit;

    ConsentController(ConsentRegister register, ApplicationsAccess access, AuditLog audit) {
        this.register = register;
        this.access = access;
        this.audit = audit;
    }

    record Person(@NotNull Relation relation, @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Size(max = 100) String firstName, @Size(max = 100) String middleName) {
    }

    record PaperRef(@NotBlank @Size(max = 300) String title, @Size(max = 100) String number, LocalDate date) {
    }

    record GiveConsent(@NotBlank @Size(max = 64) String schoolId, @NotBlank @Size(max = 200) String studentId,
            @NotNull @Valid Person givenBy, @NotEmpty Set<@NotNull ConsentPurpose> purposes, Instant givenAt,
            @NotNull @Valid PaperRef document, @Size(max = 64) String applicationId) {
    }

    record Withdraw(Instant withdrawnAt, @Valid PaperRef document) {
    }

    record ConsentView(String id, String schoolId, String studentId, Person givenBy, Set<ConsentPurpose> purposes,
            Instant givenAt, PaperRef document, String applicationId, String state, Instant withdrawnAt,
            PaperRef withdrawalDocument, Instant registeredAt, String registeredBy, int version,
            List<AuditEntry> history) {

        static ConsentView of(Consent c) {
            Consent.GivenBy by = c.givenBy();
            return new ConsentView(c.id(), c.schoolId(), c.studentId(),
                    new Person(by.relation(), by.lastName(), by.firstName(), by.middleName()), c.purposes(),
                    c.givenAt(), paper(c.document()), c.applicationId(), c.isValid() ? "VALID" : "WITHDRAWN",
                    c.withdrawnAt(), paper(c.withdrawalDocument()), c.registeredAt(), c.registeredBy(), c.revision(),
                    c.history());
        }

        private static PaperRef paper(Consent.Paper paper) {
            return paper == null ? null : new PaperRef(paper.title(), paper.number(), paper.date());
        }
    }

    @PostMapping
    @Operation(summary = "Record a consent", description = "Publishes applications.consent.given.v1")
    ResponseEntity<ConsentView> give(@Valid @RequestBody GiveConsent request, Caller caller) {
        access.requireAdministrator(caller, request.schoolId());
        Consent consent = changed(caller, register.give(request, caller.accountId()));
        return ResponseEntity.created(URI.create("/api/v1/consents/" + consent.id())).body(ConsentView.of(consent));
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Record the withdrawal of a consent",
            description = "Publishes applications.consent.withdrawn.v1; the services granted on it are terminated")
    ConsentView withdraw(@PathVariable String id, @Valid @RequestBody Withdraw request, Caller caller) {
        access.requireAdministrator(caller, register.get(id).schoolId());
        return ConsentView.of(changed(caller, register.withdraw(id, request, caller.accountId())));
    }

    @GetMapping("/{id}")
    ConsentView get(@PathVariable String id, Caller caller) {
        Consent consent = register.get(id);
        access.requireRegisterReader(caller, consent.schoolId());
        audit.read(caller, consent.schoolId(), List.of(consent.studentId()), List.of(entry(consent)));
        return ConsentView.of(consent);
    }

    @GetMapping
    @Operation(summary = "The consents of a school, newest first")
    PageResponse<ConsentView> list(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) @Size(max = 200) String studentId,
            @RequestParam(required = false) @Pattern(regexp = "VALID|WITHDRAWN") String state,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        access.requireRegisterReader(caller, schoolId);
        Page<Consent> found = register.list(ConsentRegister.filter(schoolId, studentId, state),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "registeredAt")));
        audit.read(caller, schoolId, found.stream().map(Consent::studentId).toList(),
                found.stream().map(ConsentController::entry).toList());
        return PageResponse.of(found, ConsentView::of);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The consents of a school as CSV (UTF-8 with BOM, semicolons)")
    ResponseEntity<StreamingResponseBody> export(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) @Size(max = 200) String studentId,
            @RequestParam(required = false) @Pattern(regexp = "VALID|WITHDRAWN") String state, Caller caller) {
        access.requireRegisterReader(caller, schoolId);
        AuditLog.Export trail = audit.export(caller, schoolId);
        return Csv.download("consents.csv", List.of("id", "studentId", "givenBy", "relation", "purposes", "givenAt",
                "document", "state", "withdrawnAt", "registeredAt", "registeredBy", "withdrawnBy"),
                csv -> trail.around(() -> register.each(ConsentRegister.filter(schoolId, studentId, state), c -> {
                    trail.add(entry(c), List.of(c.studentId()));
                    csv.row(c.id(), c.studentId(), c.givenBy().lastName() + " " + c.givenBy().firstName()
                                    + (c.givenBy().middleName() == null ? "" : " " + c.givenBy().middleName()),
                            c.givenBy().relation(), String.join(",", c.purposes().stream().map(Enum::name).sorted()
                                    .toList()),
                            c.givenAt(), c.document() == null ? "" : c.document().title(),
                            c.isValid() ? "VALID" : "WITHDRAWN", c.withdrawnAt(), c.registeredAt(),
                            c.registeredBy(), c.withdrawnBy());
                })));
    }

    private Consent changed(Caller caller, Consent consent) {
        audit.changed(caller, consent.schoolId(), List.of(consent.studentId()), List.of(entry(consent)));
        return consent;
    }

    private static String entry(Consent consent) {
        return "consent:" + consent.id();
    }
}
