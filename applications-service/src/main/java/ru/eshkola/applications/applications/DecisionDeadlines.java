package ru.eshkola.applications.applications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.eshkola.applications.registers.Deadline;
import ru.eshkola.applications.registers.DeadlineSettings;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.calendar.ProductionCalendar;

/**
 * The durable timer of decisions: every {@code eshkola.deadlines.check-interval} the open applications near or past
 * their due date are noted, each stage once, with {@code applications.decision.overdue.v1}. The note and its event
 * are one versioned write, so a second instance checking at the same moment loses the race and publishes nothing,
 * and a check missed while the service was down is simply made by the next one.
 */
@Component
class DecisionDeadlines {

    private static final Logger log = LoggerFactory.getLogger(DecisionDeadlines.class);

    private final MongoTemplate mongo;
    private final Applications applications;
    private final Roster roster;
    private final ProductionCalendar calendar;
    private final DeadlineSettings settings;
    private final Clock clock;

    DecisionDeadlines(MongoTemplate mongo, Applications applications, Roster roster, ProductionCalendar calendar,
            DeadlineSettings settings, Clock clock) {
        this.mongo = mongo;
        this.applications = applications;
        this.roster = roster;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    record Due(Application application, Deadline deadline) {
    }

    @Scheduled(fixedDelayString = "${eshkola.deadlines.check-interval:1m}",
            initialDelayString = "${eshkola.deadlines.check-interval:1m}")
    void scheduledCheck() {
        try {
            check();
        } catch (RuntimeException e) {
            // the next run retries: what was not noted stays open and is found again
            log.warn("decision deadline check failed: {}", e.toString());
        }
    }

    /** Notes and publishes what is newly due soon or overdue; returns how many notices were recorded. */
    int check() {
        Instant now = clock.instant();
        Query candidates = Query.query(Criteria.where("state").is(Application.State.RECEIVED)
                .and("overdueNoticeAt").is(null)
                .and("decisionDue").lte(cutoff(now).toString()));
        Map<String, Optional<Roster.SchoolInfo>> schools = new HashMap<>();
        int noted = 0;
        for (Application application : mongo.find(candidates, Application.class)) {
            Optional<Roster.SchoolInfo> school = schools.computeIfAbsent(application.schoolId(), roster::school);
            if (school.isEmpty()) {
                continue;
            }
            Deadline deadline = deadline(application, school.get(), now);
            if (application.noteDeadline(deadline, now)) {
                try {
                    applications.save(application);
                    noted++;
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    // decided or noted by someone else since it was read: the next check sees the new state
                    log.debug("application {} changed during the deadline check", application.id());
                }
            }
        }
        return noted;
    }

    /** Open applications of a school that are due soon or overdue, earliest due first. */
    List<Due> due(String schoolId) {
        Roster.SchoolInfo school = roster.requireSchool("schoolId", schoolId);
        Instant now = clock.instant();
        return applicationsOpen(schoolId).stream().map(a -> new Due(a, deadline(a, school, now)))
                .filter(d -> d.deadline().stage() != Deadline.Stage.ON_TIME).toList();
    }

    private List<Application> applicationsOpen(String schoolId) {
        return mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("state")
                .is(Application.State.RECEIVED)).with(org.springframework.data.domain.Sort.by("decisionDue")),
                Application.class);
    }

    private Deadline deadline(Application application, Roster.SchoolInfo school, Instant now) {
        return Deadline.of(application.decisionDue(), now.atZone(school.timeZone()).toLocalDate(),
                settings.warnBeforeWorkingDays(), calendar);
    }

    /** The latest due date that can be "due soon" anywhere now: a day of margin covers every time zone. */
    private LocalDate cutoff(Instant now) {
        return calendar.plusWorkingDays(now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1),
                settings.warnBeforeWorkingDays());
    }
}
