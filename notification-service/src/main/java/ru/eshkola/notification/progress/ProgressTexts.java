package ru.eshkola.notification.progress;

import java.math.BigDecimal;

/** Russian wording of the journal's codes, as parents read them. */
final class ProgressTexts {

    private ProgressTexts() {
    }

    static String workKind(String kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "ORAL_ANSWER" -> "ответ на уроке";
            case "WRITTEN_WORK" -> "письменная работа";
            case "TEST" -> "контрольная работа";
            case "HOMEWORK" -> "домашняя работа";
            case "PRACTICAL_WORK" -> "практическая работа";
            case "DICTATION" -> "диктант";
            case "ESSAY" -> "сочинение";
            default -> null;
        };
    }

    static String absenceReason(String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "ILLNESS" -> "по болезни";
            case "VALID" -> "по уважительной причине";
            case "UNEXCUSED" -> "без уважительной причины";
            default -> null;
        };
    }

    static String periodName(String kind, Integer number) {
        String n = number == null ? "" : number + " ";
        return switch (kind) {
            case "QUARTER" -> n + "четверть";
            case "TRIMESTER" -> n + "триместр";
            case "HALF_YEAR" -> n + "полугодие";
            case "YEAR" -> "учебный год";
            default -> "учебный период";
        };
    }

    /** "1", "1,5" — a weight as Russians write decimals. */
    static String weight(BigDecimal weight) {
        return weight == null ? null : weight.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
