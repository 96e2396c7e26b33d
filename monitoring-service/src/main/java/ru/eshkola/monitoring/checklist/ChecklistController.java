package ru.eshkola.monitoring.checklist;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.monitoring.indicators.DateRange;
import ru.eshkola.monitoring.schools.SchoolCalendars;

@RestController
@Validated
@Tag(name = "Checklist", description = "The seed 003 checklist: computed cells and a school administrator's attestations")
class ChecklistController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Checklist checklist;
    private final DateRange ranges;
    private final SchoolCalendars schools;

    ChecklistController(Checklist checklist, DateRange ranges, SchoolCalendars schools) {
        this.checklist = checklist;
        this.ranges = ranges;
        this.schools = schools;
    }

    @GetMapping("/api/v1/checklist")
    @Operation(summary = "The checklist table: rows × schools, + / − with the reason, roll-up per municipality and region")
    ChecklistTable table(@RequestParam(required = false) @Size(max = 200) String municipality,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return compute(municipality, from, to);
    }

    @GetMapping(value = "/api/v1/checklist.csv", produces = "text/csv")
    @Operation(summary = "The checklist table as CSV (UTF-8 with BOM, semicolons: opens in Russian-locale Excel)")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @Size(max = 200) String municipality,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ChecklistTable table = compute(municipality, from, to);
        return file(ChecklistExports.csv(table), new MediaType("text", "csv", StandardCharsets.UTF_8),
                name(table, "csv"));
    }

    @GetMapping("/api/v1/checklist.xlsx")
    @Operation(summary = "The checklist table as an Excel workbook (each cell's reason in its comment, roll-up sheet)")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Size(max = 200) String municipality,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ChecklistTable table = compute(municipality, from, to);
        return file(ChecklistExports.xlsx(table), XLSX, name(table, "xlsx"));
    }

    @GetMapping(value = "/checklist.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The checklist table as a printable Russian page")
    ResponseEntity<String> html(@RequestParam(required = false) @Size(max = 200) String municipality,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(ChecklistExports.html(compute(municipality, from, to)));
    }

    private ChecklistTable compute(String municipality, LocalDate from, LocalDate to) {
        DateRange.Range range = ranges.of(from, to);
        if (municipality != null && schools.all(municipality).isEmpty()) {
            throw ProblemException.notFound("municipality", municipality);
        }
        return checklist.table(municipality, range.from(), range.to());
    }

    private static String name(ChecklistTable table, String extension) {
        return "monitoring-" + table.from() + "-" + table.to() + "." + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
