package ru.eshkola.journal.schools;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import ru.eshkola.journal.access.JournalDirectory;
import ru.eshkola.kit.cache.ReferenceCache;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/** Registers the region's schools; each registration is one document write carrying its event. */
@Service
public class SchoolRegistry implements JournalDirectory.Schools {

    private final Schools schools;
    private final Clock clock;
    private final ReferenceCache<String, SchoolInfo> cache = new ReferenceCache<>(Duration.ofSeconds(30), 10_000);

    SchoolRegistry(Schools schools, Clock clock) {
        this.schools = schools;
        this.clock = clock;
    }

    public School register(RegisterSchool request) {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "is not a known time zone, e.g. Asia/Yekaterinburg");
        }
        schools.findByCode(request.code()).ifPresent(existing -> {
            throw ProblemException.conflict("school-code-taken",
                    "school code " + request.code() + " is already registered as " + existing.id());
        });
        School school = School.register(EventIds.next(), request.code(), request.name(), request.shortName(),
                new School.Municipality(request.municipality().id(), request.municipality().name()), zone,
                request.platform(), clock.instant());
        return schools.save(school);
    }

    public record MunicipalityRef(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 200) String name) {
    }

    public record RegisterSchool(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, . _ - only")
            String code,
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 100) String shortName,
            @NotNull @Valid SchoolRegistry.MunicipalityRef municipality,
            @NotBlank @Size(max = 64) String timeZone,
            @NotBlank @Size(max = 100) String platform) {
    }

    /** What other features need of a school: that it exists, its time zone, its municipality. */
    public record SchoolInfo(String id, String code, String shortName, ZoneId timeZone, String municipalityId) {
    }

    public Optional<SchoolInfo> find(String id) {
        return cache.get(id, key -> schools.findById(key).map(SchoolRegistry::info));
    }

    /** The school, or a 404-style refusal naming the field that referred to it. */
    public SchoolInfo require(String field, String id) {
        return find(id).orElseThrow(() -> ProblemException.invalid(field, "no school " + id));
    }

    public Optional<SchoolInfo> findByCode(String code) {
        return schools.findByCode(code).map(SchoolRegistry::info);
    }

    @Override
    public Optional<String> municipalityOf(String schoolId) {
        return find(schoolId).map(SchoolInfo::municipalityId);
    }

    private static SchoolInfo info(School s) {
        return new SchoolInfo(s.id(), s.code(), s.shortName(), ZoneId.of(s.timeZone()), s.municipality().id());
    }

    School get(String id) {
        return schools.findById(id).orElseThrow(() -> ProblemException.notFound("school", id));
    }

    Page<School> list(String municipalityId, Pageable page) {
        return municipalityId == null ? schools.findAll(page) : schools.findByMunicipalityId(municipalityId, page);
    }
}
