package ru.eshkola.monitoring.checklist;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The seed 003 checklist as a table: rows = its indicators, columns = schools, each cell "+", "−" or "?" (an
 * attested row nobody has attested yet) with the reason: the computed rule's figures or the attestation. Rolled up
 * per municipality and for the region as the number of schools with "+".
 */
public record ChecklistTable(LocalDate from, LocalDate to, LocalDate asOf, String municipalityId,
        double onTimeThreshold, List<Column> schools, List<Line> rows, List<Rollup> municipalities, Rollup region) {

    public record Column(String schoolId, String name, String municipalityId, String municipalityName,
            String platform) {
    }

    public record Line(String code, String text, String kind, String rule, int level, List<Cell> cells,
            Count count) {
    }

    /**
     * @param source RULE (computed), ATTESTATION, or NONE (attested row without an attestation)
     */
    public record Cell(String schoolId, String value, String reason, String source, String attestedBy,
            LocalDate attestedOn, String note) {

        static Cell computed(String schoolId, boolean plus, String reason) {
            return new Cell(schoolId, plus ? PLUS : MINUS, reason, "RULE", null, null, null);
        }
    }

    public record Count(int plus, int minus, int unknown) {

        Count add(String value) {
            return switch (value) {
                case PLUS -> new Count(plus + 1, minus, unknown);
                case MINUS -> new Count(plus, minus + 1, unknown);
                default -> new Count(plus, minus, unknown + 1);
            };
        }
    }

    public record Rollup(String id, String name, int schools, Map<String, Count> rows) {
    }

    public static final String PLUS = "+";
    public static final String MINUS = "−";
    public static final String UNKNOWN = "?";
}
