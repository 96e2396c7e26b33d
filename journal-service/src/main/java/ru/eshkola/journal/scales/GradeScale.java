package ru.eshkola.journal.scales;

import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A grade scale as data: the Russian five-point scale, pass/fail, or any scale a region adds. A grade's value is
 * one of the scale's codes; its number (if the scale has numbers) feeds weighted averages.
 */
@Document("scales")
public record GradeScale(@Id String id, String name, List<Value> values) {

    public Optional<Value> value(String code) {
        return values.stream().filter(v -> v.code().equals(code)).findFirst();
    }

    /**
     * @param code    what a teacher enters and the diary shows, e.g. "5" or "зачёт"
     * @param numeric its number for averages, or null
     * @param passing whether it counts as a pass (for pass/fail and for a "2")
     */
    public record Value(String code, Double numeric, boolean passing) {
    }
}
