package ru.eshkola.monitoring.violations;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * The register of violations: brings a violation in line with its deadline's verdict (idempotent: the same verdict
 * twice changes nothing, so a crash between the deadline's write and this one is repaired by doing it again) and
 * lists them per school, teacher and class.
 */
@Component
public class ViolationRegister {

    private static final Logger log = LoggerFactory.getLogger(ViolationRegister.class);

    private final Violations violations;
    private final MongoTemplate mongo;

    ViolationRegister(Violations violations, MongoTemplate mongo) {
        this.violations = violations;
        this.mongo = mongo;
    }

    /** Opens, reopens or closes the violation so that it matches the verdict; true when something was written. */
    public boolean reconcile(ViolationFacts facts, Verdict verdict, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return apply(facts, verdict, now);
            } catch (OptimisticLockingFailureException | DuplicateKeyException changedMeanwhile) {
                if (attempt >= 5) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    private boolean apply(ViolationFacts facts, Verdict verdict, Instant now) {
        Violation violation = violations.findById(facts.violationId()).orElse(null);
        if (violation == null) {
            violation = Violation.open(facts, verdict.kind(), now);
            if (!verdict.open()) {
                // opened and closed in one write: e.g. a late entry arrived before the timer had flagged it
                violation.close(verdict.resolution(), verdict.enteredAt(), now);
            }
        } else if (verdict.open()) {
            if (violation.isOpen() && Objects.equals(violation.kind(), verdict.kind())) {
                return false;
            }
            if (violation.isOpen()) {
                violation.close("NOT_REQUIRED", null, now);
            }
            violation.reopen(verdict.kind(), now);
        } else {
            if (!violation.isOpen()) {
                return false;
            }
            violation.close(verdict.resolution(), verdict.enteredAt(), now);
        }
        violations.save(violation);
        log.debug("violation {} is now {}", facts.violationId(), verdict.open() ? "open" : "closed");
        return true;
    }

    public Page<ViolationView> list(String schoolId, String teacherId, String classId, String state, String rule,
            Pageable page) {
        Criteria criteria = new Criteria();
        if (schoolId != null) {
            criteria.and("schoolId").is(schoolId);
        }
        if (teacherId != null) {
            criteria.and("teacherId").is(teacherId);
        }
        if (classId != null) {
            criteria.and("classId").is(classId);
        }
        if (state != null) {
            criteria.and("state").is(state);
        }
        if (rule != null) {
            criteria.and("rule").is(rule);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Violation.class);
        return PageableExecutionUtils.getPage(mongo.find(Query.of(query).with(page), Violation.class).stream()
                .map(Violation::view).toList(), page, () -> total);
    }

    public java.util.Optional<ViolationView> get(String violationId) {
        return violations.findById(violationId).map(Violation::view);
    }

    /** Open violations per school whose deadline passed in [from, to). */
    public Map<String, Long> openBySchool(Collection<String> schoolIds, Instant from, Instant to) {
        Criteria criteria = Criteria.where("schoolId").in(schoolIds).and("state").is(Violation.State.OPEN.name());
        if (from != null && to != null) {
            criteria.and("dueAt").gte(from).lt(to);
        }
        Query query = Query.query(criteria);
        query.fields().include("schoolId");
        Map<String, Long> counts = new HashMap<>();
        for (Violation v : mongo.find(query, Violation.class)) {
            counts.merge(v.schoolId(), 1L, Long::sum);
        }
        return counts;
    }
}
