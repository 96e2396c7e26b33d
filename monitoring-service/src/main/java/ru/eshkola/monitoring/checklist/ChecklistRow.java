package ru.eshkola.monitoring.checklist;

import java.util.List;

/**
 * One indicator of the seed 003 checklist (Appendix 1, April 2015).
 *
 * @param code  its number in the checklist ({@code 4}, {@code 4.1}); sub-items are numbered here, unnumbered there
 * @param text  the checklist's own Russian wording
 * @param kind  COMPUTED from events, or ATTESTED by a school administrator
 * @param rule  how a computed cell is decided, or what the attestation states (Russian, shown with every cell)
 * @param parts for a computed row that sums up others: their codes ("+" when every one is "+")
 */
public record ChecklistRow(String code, String text, Kind kind, String rule, List<String> parts) {

    public enum Kind {
        COMPUTED, ATTESTED
    }

    public int level() {
        return code.contains(".") ? 2 : 1;
    }
}
