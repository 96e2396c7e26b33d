package ru.eshkola.diary.extracts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ru.eshkola.diary.projection.ClassCard;
import ru.eshkola.diary.projection.Enrolment;
import ru.eshkola.diary.projection.Projection;
import ru.eshkola.diary.projection.SchoolCard;
import ru.eshkola.diary.projection.StudentCard;
import ru.eshkola.diary.views.DiaryReader;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/** Journal extracts: made when a paper extract is granted, kept, downloaded by the school's administrator. */
@Component
class Extracts {

    private static final Logger log = LoggerFactory.getLogger(Extracts.class);

    private final MongoTemplate mongo;
    private final Projection projection;
    private final DiaryReader reader;
    private final ExtractRenderer renderer;
    private final Clock clock;

    Extracts(MongoTemplate mongo, Projection projection, DiaryReader reader, ExtractRenderer renderer, Clock clock) {
        this.mongo = mongo;
        this.projection = projection;
        this.reader = reader;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Renders one extract per student of a granted paper-extract application, once. */
    void granted(ExtractEvents.ApplicationGranted application) {
        if (!"PAPER_EXTRACT".equals(application.kind())) {
            return;
        }
        for (String studentId : application.studentIds()) {
            String id = EventIds.fromKey("extract", application.applicationId(), studentId);
            if (mongo.findById(id, Extract.class) != null) {
                continue;
            }
            LocalDate issuedOn = LocalDate.now(clock.withZone(zone(application.schoolId())));
            ExtractEvents.Period period = application.extractPeriod() != null ? application.extractPeriod()
                    : defaultPeriod(application.schoolId(), issuedOn);
            ExtractRenderer.Rendered rendered = renderer.render(content(application.schoolId(), studentId,
                    period.from(), period.to(), issuedOn));
            try {
                mongo.save(Extract.ready(id, application.applicationId(), studentId, application.schoolId(),
                        period.from(), period.to(), rendered, clock.instant()));
                log.info("journal extract {} ready for application {} ({} pages)", id, application.applicationId(),
                        rendered.pages());
            } catch (DuplicateKeyException alreadyMade) {
                // another delivery of the same grant made it meanwhile
            }
        }
    }

    Extract get(String id) {
        Extract extract = mongo.findById(id, Extract.class);
        if (extract == null) {
            throw ProblemException.notFound("extract", id);
        }
        return extract;
    }

    private ExtractRenderer.Content content(String schoolId, String studentId, LocalDate from, LocalDate to,
            LocalDate issuedOn) {
        Optional<SchoolCard> school = projection.school(schoolId);
        Optional<StudentCard> student = projection.student(studentId);
        String className = student.flatMap(s -> s.enrolments().stream()
                        .filter(e -> schoolId.equals(e.schoolId()) && e.overlaps(from, to))
                        .max(Comparator.comparing(Enrolment::from)))
                .flatMap(e -> projection.schoolClass(e.classId())).map(ClassCard::name).orElse("—");
        return new ExtractRenderer.Content(school.map(SchoolCard::name).orElse(schoolId), className,
                student.map(StudentCard::fullName).orElse(studentId), from, to, reader.range(studentId, from, to),
                issuedOn);
    }

    /** Without a period in the application (older events): the school year so far. */
    private ExtractEvents.Period defaultPeriod(String schoolId, LocalDate today) {
        return projection.school(schoolId).flatMap(s -> s.yearOf(today))
                .map(y -> new ExtractEvents.Period(y.start(), today))
                .orElse(new ExtractEvents.Period(today.minusMonths(3), today));
    }

    private ZoneId zone(String schoolId) {
        return projection.school(schoolId).map(SchoolCard::zone).orElse(ZoneId.of("Asia/Yekaterinburg"));
    }

    static List<String> ignoredApplicationEvents() {
        return List.of("applications.application.received.v1", "applications.application.refused.v1",
                "applications.application.terminated.v1", "applications.decision.overdue.v1");
    }
}
