package ru.eshkola.monitoring.checklist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.monitoring.schools.SchoolCalendar;
import ru.eshkola.monitoring.schools.SchoolCalendars;

/**
 * A school administrator's statements for the checklist rows only a person can know (an order was issued, the
 * information stand shows the service): "+" or "−", who says so, as of which date. Every statement is kept; a cell
 * shows the latest one dated no later than the end of the range asked for.
 */
@RestController
@Validated
@Tag(name = "Checklist", description = "The seed 003 checklist: computed cells and a school administrator's attestations")
class Attestations {

    private final MongoTemplate mongo;
    private final SchoolCalendars schools;
    private final Clock clock;

    Attestations(MongoTemplate mongo, SchoolCalendars schools, Clock clock) {
        this.mongo = mongo;
        this.schools = schools;
        this.clock = clock;
    }

    @PostMapping("/api/v1/schools/{schoolId}/attestations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attest a checklist row that only a person can know (kind ATTESTED), e.g. 1.1 the order")
    Attestation attest(@PathVariable @Size(max = 200) String schoolId, @Valid @RequestBody AttestationRequest request) {
        SchoolCalendar school = schools.of(schoolId).orElseThrow(() -> ProblemException.notFound("school", schoolId));
        ChecklistRow row = ChecklistRows.byCode(request.rowCode())
                .orElseThrow(() -> ProblemException.invalid("rowCode", "is not a row of the checklist"));
        if (row.kind() != ChecklistRow.Kind.ATTESTED) {
            throw ProblemException.invalid("rowCode", "is computed from the platform's data and cannot be attested");
        }
        Instant now = clock.instant();
        if (request.date().isAfter(now.atZone(school.zone()).toLocalDate())) {
            throw ProblemException.invalid("date", "must not be in the future");
        }
        Attestation attestation = new Attestation(EventIds.next(), schoolId, row.code(),
                "-".equals(request.value()) ? "−" : request.value(), request.attestedBy().strip(), request.date().toString(),
                request.note() == null ? null : request.note().strip(), now);
        mongo.insert(attestation);
        return attestation;
    }

    @GetMapping("/api/v1/schools/{schoolId}/attestations")
    @Operation(summary = "Every attestation of a school, latest first")
    List<Attestation> list(@PathVariable @Size(max = 200) String schoolId) {
        schools.of(schoolId).orElseThrow(() -> ProblemException.notFound("school", schoolId));
        return mongo.find(Query.query(Criteria.where("schoolId").is(schoolId)), Attestation.class).stream()
                .sorted(LATEST_FIRST).toList();
    }

    private static final Comparator<Attestation> LATEST_FIRST = Comparator.comparing(Attestation::day)
            .thenComparing(Attestation::recordedAt).reversed();

    /** Per school and row, the latest attestation dated on or before {@code asOf}. */
    Map<String, Map<String, Attestation>> latest(Collection<String> schoolIds, LocalDate asOf) {
        Map<String, Map<String, Attestation>> latest = new HashMap<>();
        mongo.find(Query.query(Criteria.where("schoolId").in(schoolIds)), Attestation.class).stream()
                .filter(a -> !a.day().isAfter(asOf)).sorted(LATEST_FIRST)
                .forEach(a -> latest.computeIfAbsent(a.schoolId(), k -> new HashMap<>()).putIfAbsent(a.rowCode(), a));
        return latest;
    }

    record AttestationRequest(
            @Schema(example = "1.1") @NotBlank @Size(max = 10) String rowCode,
            @Schema(description = "+ or − (a hyphen is read as −)", example = "+") @NotBlank
            @Pattern(regexp = "[+−-]", message = "must be + or −") String value,
            @Schema(description = "The administrator who attests, as on the document", example = "Петрова Н. В.")
            @NotBlank @Size(max = 200) String attestedBy,
            @Schema(description = "The date the statement is made as of") @NotNull LocalDate date,
            @Schema(description = "e.g. the order's number and date", example = "приказ № 45 от 01.09.2026")
            @Size(max = 1000) String note) {
    }

    /** A school administrator's statement about one checklist row; the date as an ISO string, the same everywhere. */
    @Document("attestations")
    record Attestation(@Id String id, @Indexed String schoolId, String rowCode, String value, String attestedBy,
            String date, String note, Instant recordedAt) {

        LocalDate day() {
            return LocalDate.parse(date);
        }
    }
}
