package ru.eshkola.monitoring.violations;

import java.time.Instant;

/**
 * What the violation of an expected entry should be now, derived from its deadline's state alone, so that bringing
 * the violation in line can be repeated after a crash and changes nothing the second time.
 *
 * @param kind       LATE or MISSING
 * @param resolution for a closed violation: ENTERED_LATE, NOT_REQUIRED or WITHDRAWN
 * @param enteredAt  when the entry was made, for ENTERED_LATE
 */
public record Verdict(boolean open, String kind, String resolution, Instant enteredAt) {

    public static Verdict open(String kind) {
        return new Verdict(true, kind, null, null);
    }

    public static Verdict closed(String kind, String resolution, Instant enteredAt) {
        return new Verdict(false, kind, resolution, enteredAt);
    }
}
