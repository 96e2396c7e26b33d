package ru.eshkola.diary.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A correction a parent can see: "4 → 5, corrected on 24.11.2026". Kept per version of the entry, so corrections
 * arriving out of order, twice, or after a newer version still end up once each, in version order.
 *
 * @param to the new value; null when the entry was withdrawn
 */
public record Correction(long version, String from, String to, Instant correctedAt, String reason) {

    static List<Correction> merge(List<Correction> known, Correction added) {
        if (added == null || known.stream().anyMatch(c -> c.version() == added.version())) {
            return known;
        }
        List<Correction> merged = new ArrayList<>(known);
        merged.add(added);
        merged.sort(Comparator.comparingLong(Correction::version));
        return List.copyOf(merged);
    }
}
