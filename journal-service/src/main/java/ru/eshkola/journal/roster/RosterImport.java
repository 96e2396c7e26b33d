package ru.eshkola.journal.roster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;

import ru.eshkola.journal.access.AuditTrail;
import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.journal.classes.ClassRoster;
import ru.eshkola.journal.schools.SchoolRegistry;
import ru.eshkola.journal.staff.StaffRegistry;
import ru.eshkola.journal.staff.StaffRole;
import ru.eshkola.journal.students.StudentRegistry;
import ru.eshkola.journal.subjects.SubjectCatalog;
import ru.eshkola.kit.problems.FieldProblem;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.security.Caller;

/**
 * Imports a school office's CSV files of schools, subjects, staff, students (with their class) and teaching
 * assignments through the same rules as the API. Every line is checked first; a file with a bad line imports
 * nothing unless the caller asks to skip bad lines. Importing the same file again changes nothing.
 */
@Service
class RosterImport {

    private static final Pattern CLASS = Pattern.compile("(\\d{1,2})\\s*[«\"]?([А-ЯЁа-яёA-Za-z]{1,2})[»\"]?");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final SchoolRegistry schools;
    private final SubjectCatalog subjects;
    private final StaffRegistry staff;
    private final StudentRegistry students;
    private final ClassRoster classes;
    private final JournalAccess access;
    private final AuditTrail audit;
    private final Validator validator;

    RosterImport(SchoolRegistry schools, SubjectCatalog subjects, StaffRegistry staff, StudentRegistry students,
            ClassRoster classes, JournalAccess access, AuditTrail audit, Validator validator) {
        this.schools = schools;
        this.subjects = subjects;
        this.staff = staff;
        this.students = students;
        this.classes = classes;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
    }

    /** The kinds of file; {@code regional}: the region's catalogues, the others are a school's roster. */
    enum Kind {
        SCHOOLS(true, List.of("code", "name", "short_name", "municipality_id", "municipality_name", "time_zone"),
                List.of("platform")),
        SUBJECTS(true, List.of("code", "name", "short_name"), List.of()),
        STAFF(false, List.of("school_code", "staff_number", "last_name", "first_name", "roles"),
                List.of("middle_name", "email")),
        STUDENTS(false, List.of("student_number", "last_name", "first_name", "birth_date", "school_code",
                "school_year", "class", "enrolled_from"), List.of("middle_name")),
        ASSIGNMENTS(false, List.of("school_code", "school_year", "class", "subject_code", "staff_number", "from"),
                List.of());

        final boolean regional;
        final List<String> required;
        final List<String> optional;

        Kind(boolean regional, List<String> required, List<String> optional) {
            this.regional = regional;
            this.required = required;
            this.optional = optional;
        }
    }

    enum Outcome {
        CREATED, CHANGED, UNCHANGED
    }

    record LineError(int line, String column, String reason) {
    }

    record Report(String kind, int lines, int created, int changed, int unchanged, int skipped,
            List<LineError> errors) {
    }

    /** A line that passed the checks, and how to apply it; {@code studentId} and its school for the audit. */
    private record Prepared(int line, Supplier<Outcome> apply, String schoolId, String studentId) {
    }

    /** A line that failed a check. */
    private static final class LineProblem extends RuntimeException {

        final List<LineError> errors;

        LineProblem(List<LineError> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }

    /**
     * Imports a file for a caller who may import this kind ({@link JournalAccess#requireRosterImport}); a line about
     * a school the caller does not administer is a line error "not your school", like any other bad line.
     */
    Report run(Kind kind, String csv, boolean skipInvalid, Caller caller) {
        String actor = caller.accountId();
        CsvTable table = CsvTable.parse(csv);
        Set<String> missing = new LinkedHashSet<>(kind.required);
        missing.removeAll(table.header());
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("header", "missing columns " + missing + "; " + kind.name().toLowerCase()
                    + " files have " + kind.required + " and optionally " + kind.optional);
        }
        List<Prepared> prepared = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String key = key(kind, row);
                Integer first = seen.putIfAbsent(key, row.line());
                if (first != null) {
                    throw new LineProblem(List.of(new LineError(row.line(), kind.required.get(0),
                            "repeats line " + first)));
                }
                prepared.add(prepare(kind, row, caller));
            } catch (LineProblem problem) {
                errors.addAll(problem.errors);
            }
        }
        if (!errors.isEmpty() && !skipInvalid) {
            throw ProblemException.invalid(errors.stream().map(e -> new FieldProblem("line " + e.line() + ": "
                    + e.column(), e.reason())).toList());
        }
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        int skipped = table.rows().size() - prepared.size();
        Map<String, List<String>> studentsBySchool = new HashMap<>();
        for (Prepared line : prepared) {
            try {
                switch (line.apply().get()) {
                    case CREATED -> created++;
                    case CHANGED -> changed++;
                    case UNCHANGED -> unchanged++;
                }
                if (line.studentId() != null) {
                    studentsBySchool.computeIfAbsent(line.schoolId(), k -> new ArrayList<>()).add(line.studentId());
                }
            } catch (ProblemException refused) {
                // a conflict only the write can see, e.g. a student already in another class
                skipped++;
                String reason = refused.errors().isEmpty() ? refused.getMessage()
                        : refused.errors().getFirst().reason();
                errors.add(new LineError(line.line(), "", reason));
            }
        }
        studentsBySchool.forEach((schoolId, ids) -> audit.changed(caller, schoolId, ids));
        return new Report(kind.name().toLowerCase(), table.rows().size(), created, changed, unchanged, skipped,
                errors);
    }

    private static String key(Kind kind, CsvTable.Row row) {
        return switch (kind) {
            case SCHOOLS, SUBJECTS -> String.valueOf(row.get("code"));
            case STAFF -> row.get("school_code") + "/" + row.get("staff_number");
            case STUDENTS -> String.valueOf(row.get("student_number"));
            case ASSIGNMENTS -> row.get("school_code") + "/" + row.get("school_year") + "/" + row.get("class") + "/"
                    + row.get("subject_code") + "/" + row.get("staff_number");
        };
    }

    private Prepared prepare(Kind kind, CsvTable.Row row, Caller caller) {
        Errors errors = new Errors(row.line());
        for (String column : kind.required) {
            if (row.get(column) == null) {
                errors.add(column, "is empty");
            }
        }
        errors.throwIfAny();
        String actor = caller.accountId();
        String schoolId = kind.regional ? null : ownSchool(row.get("school_code"), caller, errors);
        return switch (kind) {
            case SCHOOLS -> new Prepared(row.line(), school(row, errors), null, null);
            case SUBJECTS -> new Prepared(row.line(), subject(row, errors), null, null);
            case STAFF -> new Prepared(row.line(), staffMember(row, schoolId, errors), schoolId, null);
            case STUDENTS -> new Prepared(row.line(), student(row, schoolId, errors, caller), schoolId,
                    StudentRegistry.studentId(row.get("student_number")));
            case ASSIGNMENTS -> new Prepared(row.line(), assignment(row, schoolId, errors, actor), schoolId, null);
        };
    }

    /** The school of a roster line, when it exists and the caller administers it; else a line error. */
    private String ownSchool(String code, Caller caller, Errors errors) {
        String schoolId = school(code, errors);
        if (schoolId != null && !access.administers(caller, schoolId)) {
            errors.add("school_code", "not your school: " + code + " is not a school you administer");
            return null;
        }
        return schoolId;
    }

    private Supplier<Outcome> school(CsvTable.Row row, Errors errors) {
        var request = new SchoolRegistry.RegisterSchool(row.get("code"), row.get("name"), row.get("short_name"),
                new SchoolRegistry.MunicipalityRef(row.get("municipality_id"), row.get("municipality_name")),
                row.get("time_zone"), row.get("platform") == null ? "eshkola" : row.get("platform"));
        validate(request, errors, Map.of("shortName", "short_name", "timeZone", "time_zone",
                "municipality.id", "municipality_id", "municipality.name", "municipality_name"));
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            errors.add("time_zone", "is not a known time zone, e.g. Asia/Yekaterinburg");
        }
        errors.throwIfAny();
        return () -> {
            if (schools.findByCode(request.code()).isPresent()) {
                return Outcome.UNCHANGED;
            }
            schools.register(request);
            return Outcome.CREATED;
        };
    }

    private Supplier<Outcome> subject(CsvTable.Row row, Errors errors) {
        String code = row.get("code");
        if (!code.matches("[a-z0-9-]{1,40}")) {
            errors.add("code", "lower-case latin letters, digits and - only");
        }
        errors.throwIfAny();
        return () -> {
            SubjectCatalog.Defined defined = subjects.define(code, row.get("name"), row.get("short_name"));
            return defined.created() ? Outcome.CREATED : defined.changed() ? Outcome.CHANGED : Outcome.UNCHANGED;
        };
    }

    private Supplier<Outcome> staffMember(CsvTable.Row row, String schoolId, Errors errors) {
        List<StaffRole> roles = new ArrayList<>();
        for (String role : row.get("roles").split("[|,/]")) {
            switch (role.strip().toLowerCase(Locale.ROOT)) {
                case "teacher", "учитель" -> roles.add(StaffRole.TEACHER);
                case "school_administrator", "администратор" -> roles.add(StaffRole.SCHOOL_ADMINISTRATOR);
                default -> errors.add("roles", "unknown role " + role.strip()
                        + " (TEACHER or SCHOOL_ADMINISTRATOR, учитель or администратор)");
            }
        }
        errors.throwIfAny();
        var request = new StaffRegistry.StaffRecord(row.get("last_name"), row.get("first_name"),
                row.get("middle_name"), row.get("email"), roles, true);
        validate(request, errors, Map.of("lastName", "last_name", "firstName", "first_name",
                "middleName", "middle_name"));
        errors.throwIfAny();
        String number = row.get("staff_number");
        return () -> {
            StaffRegistry.Saved saved = staff.save(schoolId, number, request);
            return outcome(saved.created(), saved.changed());
        };
    }

    private Supplier<Outcome> student(CsvTable.Row row, String schoolId, Errors errors, Caller caller) {
        String actor = caller.accountId();
        LocalDate birthDate = date(row, "birth_date", errors);
        LocalDate from = date(row, "enrolled_from", errors);
        String year = row.get("school_year");
        if (!year.matches("\\d{4}/\\d{4}")) {
            errors.add("school_year", "must look like 2026/2027");
        }
        Matcher schoolClass = CLASS.matcher(row.get("class"));
        if (!schoolClass.matches()) {
            errors.add("class", "must look like 7Б");
        }
        errors.throwIfAny();
        var request = new StudentRegistry.StudentRecord(row.get("last_name"), row.get("first_name"),
                row.get("middle_name"), birthDate);
        validate(request, errors, Map.of("lastName", "last_name", "firstName", "first_name",
                "middleName", "middle_name", "birthDate", "birth_date"));
        var open = new ClassRoster.OpenClass(schoolId, year, Integer.parseInt(schoolClass.group(1)),
                schoolClass.group(2).toUpperCase(), null);
        validate(open, errors, Map.of("gradeLevel", "class", "letter", "class", "schoolYear", "school_year"));
        errors.throwIfAny();
        String number = row.get("student_number");
        String studentId = StudentRegistry.studentId(number);
        // a student arriving from another school keeps the record that school holds; changing it is that school's
        var existing = students.find(studentId);
        if (existing.isPresent() && !existing.get().sameAs(request) && !access.holdsFileOf(caller, studentId)) {
            errors.add("student_number", "the student's record is held by another school and would change");
            errors.throwIfAny();
        }
        return () -> {
            StudentRegistry.Saved saved = students.save(number, request);
            String classId = ClassRoster.classId(schoolId, year, open.gradeLevel(), open.letter());
            boolean classCreated = classes.find(classId).isEmpty() && classes.open(open, actor).created();
            boolean enrolled = classes.enrol(classId, StudentRegistry.studentId(number), from, actor).changed();
            return outcome(saved.created() || enrolled || classCreated, saved.changed());
        };
    }

    private Supplier<Outcome> assignment(CsvTable.Row row, String schoolId, Errors errors, String actor) {
        LocalDate from = date(row, "from", errors);
        Matcher schoolClass = CLASS.matcher(row.get("class"));
        String classId = null;
        if (!schoolClass.matches()) {
            errors.add("class", "must look like 7Б");
        } else if (schoolId != null) {
            classId = ClassRoster.classId(schoolId, row.get("school_year"), Integer.parseInt(schoolClass.group(1)),
                    schoolClass.group(2).toUpperCase());
            if (classes.find(classId).isEmpty()) {
                errors.add("class", "no class " + row.get("class") + " of " + row.get("school_year")
                        + " in school " + row.get("school_code"));
            }
        }
        String subjectId = SubjectCatalog.subjectId(row.get("subject_code"));
        if (subjects.find(subjectId).isEmpty()) {
            errors.add("subject_code", "no subject " + row.get("subject_code"));
        }
        String teacherId = schoolId == null ? null : StaffRegistry.staffId(schoolId, row.get("staff_number"));
        if (teacherId != null && staff.find(teacherId).filter(StaffRegistry.StaffInfo::teacher).isEmpty()) {
            errors.add("staff_number", "no teacher " + row.get("staff_number") + " in school "
                    + row.get("school_code"));
        }
        errors.throwIfAny();
        String target = classId;
        var request = new ClassRoster.Assign(subjectId, teacherId, null, from);
        return () -> outcome(false, classes.assign(target, request, actor).changed());
    }

    private String school(String code, Errors errors) {
        return schools.findByCode(code).map(SchoolRegistry.SchoolInfo::id).orElseGet(() -> {
            errors.add("school_code", "no school " + code);
            return null;
        });
    }

    private static LocalDate date(CsvTable.Row row, String column, Errors errors) {
        String value = row.get(column);
        try {
            return value.contains(".") ? LocalDate.parse(value, RUSSIAN_DATE) : LocalDate.parse(value);
        } catch (DateTimeException e) {
            errors.add(column, "is not a date (2026-09-01 or 01.09.2026)");
            return null;
        }
    }

    private <T> void validate(T request, Errors errors, Map<String, String> columns) {
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString();
            errors.add(columns.getOrDefault(path, path.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)),
                    violation.getMessage());
        }
    }

    private static Outcome outcome(boolean created, boolean changed) {
        return created ? Outcome.CREATED : changed ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    /** The problems of one line. */
    private static final class Errors {

        private final int line;
        private final List<LineError> errors = new ArrayList<>();

        Errors(int line) {
            this.line = line;
        }

        void add(String column, String reason) {
            errors.add(new LineError(line, column, reason));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new LineProblem(List.copyOf(errors));
            }
        }
    }
}
