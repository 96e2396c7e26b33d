package ru.eshkola.monitoring.checklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ru.eshkola.kit.calendar.ProductionCalendar;
import ru.eshkola.monitoring.checklist.ChecklistTable.Cell;
import ru.eshkola.monitoring.checklist.ChecklistTable.Count;
import ru.eshkola.monitoring.deadlines.Rule;
import ru.eshkola.monitoring.indicators.IndicatorReport;
import ru.eshkola.monitoring.indicators.IndicatorSettings;
import ru.eshkola.monitoring.indicators.Indicators;
import ru.eshkola.monitoring.registers.Registers;
import ru.eshkola.monitoring.roster.Roster;
import ru.eshkola.monitoring.schools.SchoolCalendar;

/** Computes the checklist table for a date range: computed cells from the platform's data, attested ones as stated. */
@Component
class Checklist {

    private static final Map<String, Rule> TIMELY = Map.of("4.1", Rule.GRADE_ENTRY, "4.2", Rule.PERIOD_RESULT,
            "4.3", Rule.ABSENCE_ENTRY, "4.4", Rule.TIMETABLE, "4.5", Rule.LESSON_TOPIC, "4.6", Rule.HOMEWORK);
    /** Rules whose entries fall due on the calendar: a range without a due date has nothing to fail. */
    private static final Set<Rule> SCHEDULED = Set.of(Rule.PERIOD_RESULT, Rule.TIMETABLE);

    private final Indicators indicators;
    private final Registers registers;
    private final Roster roster;
    private final Attestations attestations;
    private final IndicatorSettings settings;
    private final ProductionCalendar calendar;

    Checklist(Indicators indicators, Registers registers, Roster roster, Attestations attestations,
            IndicatorSettings settings, ProductionCalendar calendar) {
        this.indicators = indicators;
        this.registers = registers;
        this.roster = roster;
        this.attestations = attestations;
        this.settings = settings;
        this.calendar = calendar;
    }

    ChecklistTable table(String municipalityId, LocalDate from, LocalDate to) {
        List<SchoolCalendar> region = indicators.schoolsOf(Indicators.Scope.REGION, null);
        List<String> ids = region.stream().map(SchoolCalendar::id).toList();
        List<IndicatorReport> reports = indicators.perSchool(region, from, to);
        LocalDate asOf = reports.isEmpty() ? to : reports.getFirst().asOf();
        Map<String, IndicatorReport> reportOf = reports.stream().collect(Collectors.toMap(IndicatorReport::id,
                Function.identity()));
        Map<String, List<Registers.ApplicationEntry>> applications = bySchool(registers.applications(ids),
                Registers.ApplicationEntry::schoolId);
        Map<String, List<Registers.ComplaintEntry>> complaints = bySchool(registers.complaints(ids),
                Registers.ComplaintEntry::schoolId);
        Map<String, List<Registers.ConsentEntry>> consents = bySchool(registers.consents(ids),
                Registers.ConsentEntry::schoolId);
        List<Roster.Access> access = roster.accessOf(ids);
        Map<String, List<Roster.Access>> accessOf = bySchool(access, Roster.Access::schoolId);
        Map<String, Registers.AccountEntry> accounts = new HashMap<>();
        registers.accounts(access.stream().map(Roster.Access::accountId).collect(Collectors.toSet()))
                .forEach(a -> accounts.put(a.id(), a));
        Map<String, Map<String, Attestations.Attestation>> attested = attestations.latest(ids, to);

        Map<String, Map<String, Cell>> cells = new HashMap<>();
        for (SchoolCalendar school : region) {
            Map<String, Cell> column = new HashMap<>();
            String id = school.id();
            IndicatorReport report = reportOf.get(id);
            TIMELY.forEach((code, rule) -> column.put(code, timely(id, report.timeliness().get(rule), rule)));
            column.put("5.1", registration(school, applications.getOrDefault(id, List.of()), from, to));
            column.put("5.2", decisions(id, applications.getOrDefault(id, List.of()), from, to, asOf));
            column.put("5.3", refusals(school, applications.getOrDefault(id, List.of()), from, to));
            column.put("5.4", complaintsCell(id, complaints.getOrDefault(id, List.of()), from, to, asOf));
            List<Roster.Access> schoolAccess = accessOf.getOrDefault(id, List.of());
            column.put("6.1", accountsIssued(id, schoolAccess, accounts, asOf));
            column.put("6.3", accountsBlocked(id, schoolAccess, accounts, asOf));
            column.put("8", consentsCell(id, schoolAccess, consents.getOrDefault(id, List.of()), asOf));
            for (ChecklistRow row : ChecklistRows.ALL) {
                if (row.kind() == ChecklistRow.Kind.ATTESTED) {
                    Attestations.Attestation a = attested.getOrDefault(id, Map.of()).get(row.code());
                    column.put(row.code(), a == null
                            ? new Cell(id, ChecklistTable.UNKNOWN, "нет отметки администратора школы", "NONE", null,
                                    null, null)
                            : new Cell(id, a.value(), "отметка администратора: " + a.attestedBy() + ", "
                                    + a.day(), "ATTESTATION", a.attestedBy(), a.day(), a.note()));
                }
            }
            for (ChecklistRow row : ChecklistRows.ALL) {
                if (!row.parts().isEmpty()) {
                    column.put(row.code(), summary(id, row, column));
                }
            }
            cells.put(id, column);
        }

        List<SchoolCalendar> shown = municipalityId == null ? region
                : region.stream().filter(s -> municipalityId.equals(s.municipalityId())).toList();
        List<ChecklistTable.Column> columns = shown.stream().map(s -> new ChecklistTable.Column(s.id(),
                s.displayName(), s.municipalityId(), s.municipalityName(), s.platform())).toList();
        List<ChecklistTable.Line> lines = new ArrayList<>();
        for (ChecklistRow row : ChecklistRows.ALL) {
            List<Cell> rowCells = shown.stream().map(s -> cells.get(s.id()).get(row.code())).toList();
            Count count = new Count(0, 0, 0);
            for (Cell cell : rowCells) {
                count = count.add(cell.value());
            }
            lines.add(new ChecklistTable.Line(row.code(), row.text(), row.kind().name(), row.rule(), row.level(),
                    rowCells, count));
        }
        Map<String, List<SchoolCalendar>> byMunicipality = new LinkedHashMap<>();
        region.forEach(s -> byMunicipality.computeIfAbsent(s.municipalityId(), k -> new ArrayList<>()).add(s));
        List<ChecklistTable.Rollup> municipalities = new ArrayList<>();
        byMunicipality.forEach((m, schools) -> {
            if (municipalityId == null || municipalityId.equals(m)) {
                municipalities.add(rollup(m, schools.getFirst().municipalityName(), schools, cells));
            }
        });
        return new ChecklistTable(from, to, asOf, municipalityId, settings.onTimeThreshold(), columns, lines,
                municipalities, rollup(null, "Регион", region, cells));
    }

    private static ChecklistTable.Rollup rollup(String id, String name, List<SchoolCalendar> schools,
            Map<String, Map<String, Cell>> cells) {
        Map<String, Count> rows = new LinkedHashMap<>();
        for (ChecklistRow row : ChecklistRows.ALL) {
            Count count = new Count(0, 0, 0);
            for (SchoolCalendar school : schools) {
                count = count.add(cells.get(school.id()).get(row.code()).value());
            }
            rows.put(row.code(), count);
        }
        return new ChecklistTable.Rollup(id, name, schools.size(), rows);
    }

    private Cell timely(String schoolId, IndicatorReport.Timeliness t, Rule rule) {
        if (t.total() == 0) {
            return SCHEDULED.contains(rule)
                    ? Cell.computed(schoolId, true, "в выбранном периоде срок не наступал")
                    : Cell.computed(schoolId, false, "записей за период нет");
        }
        boolean plus = t.onTimeShare() >= settings.onTimeThreshold();
        String reason = "в срок " + t.onTime() + " из " + t.total() + " (" + percent(t.onTimeShare()) + "), порог "
                + percent(settings.onTimeThreshold());
        if (t.late() > 0) {
            reason += "; с опозданием " + t.late();
        }
        if (t.missing() > 0) {
            reason += "; не внесено " + t.missing();
        }
        return Cell.computed(schoolId, plus, reason);
    }

    private Cell registration(SchoolCalendar school, List<Registers.ApplicationEntry> all, LocalDate from,
            LocalDate to) {
        long kept = all.stream().filter(a -> a.registeredAt() != null
                && !a.registeredAt().atZone(school.zone()).toLocalDate().isAfter(to)).count();
        if (kept == 0) {
            return Cell.computed(school.id(), false, "в журнале нет ни одной записи");
        }
        List<Registers.ApplicationEntry> received = all.stream().filter(a -> a.receivedAt() != null
                && a.registeredAt() != null && within(a.receivedAt().atZone(school.zone()).toLocalDate(), from, to))
                .toList();
        long late = received.stream().filter(a -> a.registeredAt().atZone(school.zone()).toLocalDate().isAfter(
                calendar.plusWorkingDays(a.receivedAt().atZone(school.zone()).toLocalDate(), 1))).count();
        return Cell.computed(school.id(), late == 0, "записей в журнале " + kept + "; за период получено "
                + received.size() + ", зарегистрировано позже 1 рабочего дня " + late);
    }

    private static Cell decisions(String schoolId, List<Registers.ApplicationEntry> all, LocalDate from, LocalDate to,
            LocalDate asOf) {
        long onTime = 0;
        long late = 0;
        for (Registers.ApplicationEntry a : all) {
            LocalDate due = a.decisionDueDate();
            if (due == null || !within(due, from, to)) {
                continue;
            }
            boolean decided = a.decidedOnTime() != null;
            if (decided && a.decidedOnTime() && !a.overdueNoticed()) {
                onTime++;
            } else if (decided || a.overdueNoticed() || due.isBefore(asOf)) {
                late++;
            }
        }
        if (onTime + late == 0) {
            return Cell.computed(schoolId, true, "решений со сроком в периоде не было");
        }
        return Cell.computed(schoolId, late == 0, "решений в срок " + onTime + " из " + (onTime + late));
    }

    private Cell refusals(SchoolCalendar school, List<Registers.ApplicationEntry> all, LocalDate from, LocalDate to) {
        List<Registers.ApplicationEntry> refused = all.stream().filter(a -> "REFUSED".equals(a.state())
                && a.decidedAt() != null && within(a.decidedAt().atZone(school.zone()).toLocalDate(), from, to))
                .toList();
        if (refused.isEmpty()) {
            return Cell.computed(school.id(), true, "отказов в периоде не было");
        }
        long onTime = refused.stream().filter(a -> Boolean.TRUE.equals(a.decidedOnTime())).count();
        return Cell.computed(school.id(), onTime == refused.size(), "отказов с уведомлением в срок " + onTime
                + " из " + refused.size());
    }

    private static Cell complaintsCell(String schoolId, List<Registers.ComplaintEntry> all, LocalDate from,
            LocalDate to, LocalDate asOf) {
        long onTime = 0;
        long late = 0;
        for (Registers.ComplaintEntry c : all) {
            LocalDate due = c.answerDue() == null ? null : LocalDate.parse(c.answerDue());
            if (due == null || !within(due, from, to)) {
                continue;
            }
            if (Boolean.TRUE.equals(c.answeredOnTime()) && !c.overdueNoticed()) {
                onTime++;
            } else if (c.answeredOnTime() != null || c.overdueNoticed() || due.isBefore(asOf)) {
                late++;
            }
        }
        if (onTime + late == 0) {
            return Cell.computed(schoolId, true, "жалоб со сроком ответа в периоде не было");
        }
        return Cell.computed(schoolId, late == 0, "ответов на жалобы в срок " + onTime + " из " + (onTime + late));
    }

    private static Cell accountsIssued(String schoolId, List<Roster.Access> access,
            Map<String, Registers.AccountEntry> accounts, LocalDate asOf) {
        Set<String> active = access.stream().filter(a -> a.activeOn(asOf)).map(Roster.Access::accountId)
                .collect(Collectors.toSet());
        if (active.isEmpty()) {
            return Cell.computed(schoolId, false, "ни у одной учётной записи нет доступа к дневникам учеников школы");
        }
        long documented = active.stream().filter(id -> accounts.containsKey(id) && accounts.get(id).issuedAt() != null)
                .count();
        return Cell.computed(schoolId, documented == active.size(), "записей о выдаче " + documented + " из "
                + active.size() + " учётных записей с доступом");
    }

    private static Cell accountsBlocked(String schoolId, List<Roster.Access> access,
            Map<String, Registers.AccountEntry> accounts, LocalDate asOf) {
        Map<String, List<Roster.Access>> byAccount = access.stream().collect(Collectors.groupingBy(
                Roster.Access::accountId));
        List<String> ended = byAccount.entrySet().stream()
                .filter(e -> e.getValue().stream().allMatch(a -> a.to() != null && a.to().isBefore(asOf)))
                .map(Map.Entry::getKey).toList();
        if (ended.isEmpty()) {
            return Cell.computed(schoolId, true, "прекращений предоставления услуги не было");
        }
        long blocked = ended.stream().filter(id -> accounts.containsKey(id) && accounts.get(id).blockedAt() != null)
                .count();
        return Cell.computed(schoolId, blocked == ended.size(), "заблокировано " + blocked + " из " + ended.size()
                + " учётных записей без доступа");
    }

    private static Cell consentsCell(String schoolId, List<Roster.Access> access,
            List<Registers.ConsentEntry> consents, LocalDate asOf) {
        Set<String> served = access.stream().filter(a -> a.activeOn(asOf)).map(Roster.Access::studentId)
                .collect(Collectors.toSet());
        if (served.isEmpty()) {
            return Cell.computed(schoolId, false, "услугу никто не получает");
        }
        Set<String> consented = new HashSet<>();
        for (Registers.ConsentEntry c : consents) {
            if (c.givenAt() != null && c.withdrawnAt() == null) {
                consented.add(c.studentId());
            }
        }
        long covered = served.stream().filter(consented::contains).count();
        return Cell.computed(schoolId, covered == served.size(), "действующее согласие есть у " + covered + " из "
                + served.size() + " учеников, получающих услугу");
    }

    private static Cell summary(String schoolId, ChecklistRow row, Map<String, Cell> column) {
        List<String> minus = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String part : row.parts()) {
            String value = column.get(part).value();
            if (ChecklistTable.MINUS.equals(value)) {
                minus.add(part);
            } else if (ChecklistTable.UNKNOWN.equals(value)) {
                unknown.add(part);
            }
        }
        if (!minus.isEmpty()) {
            return Cell.computed(schoolId, false, "«−» по пунктам " + String.join(", ", minus));
        }
        if (!unknown.isEmpty()) {
            return new Cell(schoolId, ChecklistTable.UNKNOWN, "нет отметки по пунктам " + String.join(", ", unknown),
                    "RULE", null, null, null);
        }
        return Cell.computed(schoolId, true, "«+» по всем пунктам");
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100).replace('.', ',');
    }

    private static <T> Map<String, List<T>> bySchool(List<T> items, Function<T, String> school) {
        return items.stream().collect(Collectors.groupingBy(school));
    }
}
