package ru.eshkola.journal.schools;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/** Registers the region's schools; each registration is one document write carrying its event. */
@Service
class SchoolRegistry {

    private final Schools schools;
    private final Clock clock;

    SchoolRegistry(Schools schools, Clock clock) {
        this.schools = schools;
        this.clock = clock;
    }

    School register(SchoolController.RegisterSchool request) {
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

    School get(String id) {
        return schools.findById(id).orElseThrow(() -> ProblemException.notFound("school", id));
    }

    Page<School> list(String municipalityId, Pageable page) {
        return municipalityId == null ? schools.findAll(page) : schools.findByMunicipalityId(municipalityId, page);
    }
}
