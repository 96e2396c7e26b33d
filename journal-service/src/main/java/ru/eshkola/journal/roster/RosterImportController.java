package ru.eshkola.journal.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.kit.security.Caller;

@RestController
@Tag(name = "Roster import", description = "CSV files of schools, subjects, staff, students and assignments")
class RosterImportController {

    private final RosterImport importer;
    private final JournalAccess access;

    RosterImportController(RosterImport importer, JournalAccess access) {
        this.importer = importer;
        this.access = access;
    }

    @PostMapping(path = "/api/v1/roster/import/{kind}", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import a CSV file",
            description = "kind: schools, subjects, staff, students, assignments. UTF-8, comma or semicolon, a header "
                    + "row naming the columns (see the journal-service README). A file with a bad line imports "
                    + "nothing (400 listing every bad line) unless skipInvalid=true; re-importing changes nothing. "
                    + "Schools and subjects: the region's operator; staff, students and assignments: a school "
                    + "administrator, every line about a school they administer (else the line is refused: \"not your "
                    + "school\").")
    RosterImport.Report importFile(@PathVariable String kind, @RequestBody String csv,
            @RequestParam(defaultValue = "false") boolean skipInvalid, Caller caller) {
        RosterImport.Kind which;
        try {
            which = RosterImport.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("import kind", kind);
        }
        access.requireRosterImport(caller, which.regional);
        return importer.run(which, csv, skipInvalid, caller);
    }
}
