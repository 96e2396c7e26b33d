package ru.eshkola.journal.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.web.CurrentActor;

@RestController
@Tag(name = "Roster import", description = "CSV files of schools, subjects, staff, students and assignments")
class RosterImportController {

    private final RosterImport importer;

    RosterImportController(RosterImport importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/v1/roster/import/{kind}", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import a CSV file",
            description = "kind: schools, subjects, staff, students, assignments. UTF-8, comma or semicolon, a header "
                    + "row naming the columns (see the journal-service README). A file with a bad line imports "
                    + "nothing (400 listing every bad line) unless skipInvalid=true; re-importing changes nothing.")
    RosterImport.Report importFile(@PathVariable String kind, @RequestBody String csv,
            @RequestParam(defaultValue = "false") boolean skipInvalid, @CurrentActor String actor) {
        RosterImport.Kind which;
        try {
            which = RosterImport.Kind.valueOf(kind.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("import kind", kind);
        }
        return importer.run(which, csv, skipInvalid, actor);
    }
}
