package ru.eshkola.monitoring.schools;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A school year as the journal last described it; dates are ISO strings, the same day in every time zone. */
@Document("school_years")
record SchoolYearDocument(@Id String id, @Indexed String schoolId, String label, String start, String end,
        List<Period> periods, List<Holiday> holidays, boolean closed, int version) {

    record Period(String periodId, String kind, int number, String start, String end) {
    }

    record Holiday(String from, String to, String name) {
    }
}
