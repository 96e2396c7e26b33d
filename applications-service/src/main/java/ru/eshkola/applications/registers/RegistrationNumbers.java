package ru.eshkola.applications.registers;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Registration numbers, one sequence per register, school and year ({@code 2026-0017}). The counter is a single
 * atomic increment, so instances never hand out the same number. A number taken by a request that then fails is
 * not reused: the register shows a gap rather than a duplicate.
 */
@Component
public class RegistrationNumbers {

    static final String COLLECTION = "registration_numbers";

    private final MongoTemplate mongo;

    RegistrationNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public String next(String register, String schoolId, int year) {
        Counter counter = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(register + ":" + schoolId + ":" + year)),
                new Update().inc("seq", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class, COLLECTION);
        return "%d-%04d".formatted(year, counter.seq());
    }

    record Counter(String id, long seq) {
    }
}
