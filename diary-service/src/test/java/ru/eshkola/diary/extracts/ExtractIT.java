package ru.eshkola.diary.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ru.eshkola.diary.DiaryIntegrationTest;
import ru.eshkola.diary.JournalFeed;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.kit.testing.SecurityConventions;
import ru.eshkola.kit.testing.TestTokens;

/** A granted paper extract becomes a PDF in Russian, announced on diary.extracts, for the school's administrator. */
class ExtractIT extends DiaryIntegrationTest {

    @Test
    void aGrantedPaperExtractIsRenderedAnnouncedAndDownloadedByTheSchoolsAdministratorOnly() throws Exception {
        JournalFeed feed = journal();
        JournalFeed.World w = feed.world("Григорьева", "Таисия");
        String a = EventIds.next();
        String b = EventIds.next();
        String later = EventIds.next();
        feed.grades("journal.grade.recorded.v1", feed.grade(w, a, LocalDate.of(2026, 11, 10), a + ":1", "5", 1,
                "ORAL_ANSWER", 1));
        feed.grades("journal.grade.recorded.v1", feed.grade(w, b, LocalDate.of(2026, 11, 17), b + ":1", "3", 2,
                "TEST", 1));
        feed.grades("journal.grade.recorded.v1", feed.grade(w, later, LocalDate.of(2027, 1, 20), later + ":1", "2",
                1, "TEST", 1));
        feed.send("journal.absences", "journal.absence.recorded.v1", w.studentId(),
                feed.absence(w, EventIds.next(), LocalDate.of(2026, 11, 12), "ILLNESS", "Б", 1));
        feed.send("journal.period-results", "journal.period-result.recorded.v1", w.studentId(),
                feed.periodResult(w, "4", 1));
        // the extract reflects the journal as the diary has it: wait until the diary has it
        awaitJson(as(TestTokens.student(w.studentId())), "/api/v1/students/" + w.studentId()
                + "/period-summary?periodId=" + w.periodId(), v -> v.at("/subjects/0/periodResult").isObject()
                && v.at("/subjects/0/gradeCount").asInt() == 2 && v.at("/absences").asInt() == 1);

        try (EventProbe extracts = EventProbe.on("diary.extracts")) {
            String application = applications().extractGranted(w.schoolId(), List.of(w.studentId()), "2026-09-01",
                    "2026-12-31");
            ConsumerRecord<byte[], byte[]> ready = extracts.await(r -> EventProbe.value(r).contains(application),
                    Duration.ofSeconds(30));
            JsonSchemas.assertValidEvent("diary-service", ready);
            assertThat(EventProbe.header(ready, "ce_type")).isEqualTo("diary.extract.ready.v1");
            assertThat(EventProbe.key(ready)).isEqualTo(w.studentId());
            JsonNode event = JournalFeed.JSON.readTree(EventProbe.value(ready));
            assertThat(event.at("/periodFrom").asString()).isEqualTo("2026-09-01");
            assertThat(event.at("/periodTo").asString()).isEqualTo("2026-12-31");
            assertThat(event.at("/schoolId").asString()).isEqualTo(w.schoolId());
            assertThat(event.at("/pages").asInt()).isEqualTo(1);
            String path = event.at("/downloadPath").asString();

            HttpResponse<byte[]> pdf = download(path, TestTokens.schoolAdministrator("admin-1", w.schoolId()));
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains("ВЫПИСКА ИЗ КЛАССНОГО ЖУРНАЛА")
                        .contains("Муниципальное бюджетное общеобразовательное учреждение «Средняя")
                        .contains("Обучающийся: Григорьева Таисия Сергеевна").contains("Класс: 7Б")
                        .contains("Период: с 01.09.2026 по 31.12.2026").contains("Математика").contains("5 3")
                        .contains("3,67").contains("1 (1/0/0)").contains("Пропущено уроков за период: 1")
                        .contains("Дата выдачи: ");
                assertThat(text).as("a grade after the period is not in the extract").doesNotContain("5 3 2");
                PDPage page = document.getPage(0);
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }

            assertThat(download(path, TestTokens.schoolAdministrator("admin-2", "another-school")).statusCode())
                    .as("another school's administrator").isEqualTo(403);
            assertThat(download(path, TestTokens.student(w.studentId())).statusCode()).isEqualTo(403);
            assertThat(download("/api/v1/extracts/no-such.pdf", TestTokens.schoolAdministrator("admin-1",
                    w.schoolId())).statusCode()).isEqualTo(404);

            JsonNode log = json(as(TestTokens.student(w.studentId())).get("/api/v1/students/" + w.studentId()
                    + "/access-log"));
            assertThat(log.toString()).as("the download is in the student's access audit")
                    .contains("\"what\":\"extract " + event.at("/extractId").asString() + "\"")
                    .contains("\"role\":\"SCHOOL_ADMINISTRATOR\"");

            // the same grant delivered again makes no second extract
            applications().send("applications.applications", "applications.application.granted.v1", application,
                    (tools.jackson.databind.node.ObjectNode) ApplicationsFeedHolder.granted(application, w));
            String marker = applications().extractGranted(w.schoolId(), List.of(w.studentId()), "2026-09-01",
                    "2026-10-31");
            extracts.await(r -> EventProbe.value(r).contains(marker), Duration.ofSeconds(30));
            assertThat(extracts.records(r -> EventProbe.value(r).contains(application))).hasSize(1);
        }
        SecurityConventions.assertForbidden(as(TestTokens.guardian(EventIds.next(), w.studentId()))
                .get("/api/v1/students/" + w.studentId() + "/access-log"), "no access");
    }

    private HttpResponse<byte[]> download(String path, TestTokens.Token token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", token.bearer()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The granted event of an application again, as a redelivery would bring it. */
    static final class ApplicationsFeedHolder {

        static Object granted(String applicationId, JournalFeed.World w) {
            var data = ru.eshkola.diary.ApplicationsFeed.example("applications.application.granted.v1")
                    .put("applicationId", applicationId).put("schoolId", w.schoolId()).put("kind", "PAPER_EXTRACT");
            data.putArray("studentIds").add(w.studentId());
            data.putObject("extractPeriod").put("from", "2026-09-01").put("to", "2026-12-31");
            return data;
        }
    }
}
