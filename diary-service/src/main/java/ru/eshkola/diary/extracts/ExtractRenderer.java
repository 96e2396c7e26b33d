package ru.eshkola.diary.extracts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import ru.eshkola.diary.views.DiaryViews.SubjectRow;

/**
 * Renders the journal extract in Russian on A4: the school, class and student, the period, one row per subject with
 * its grades, weighted average, absences and the period marks, the absences in all, and the date of issue. The font
 * (Liberation Serif, which has Cyrillic) is embedded, so the extract prints the same anywhere.
 */
@Component
class ExtractRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final BaseFont regular;
    private final BaseFont bold;

    ExtractRenderer() {
        this.regular = font("liberation/LiberationSerif-Regular.ttf");
        this.bold = font("liberation/LiberationSerif-Bold.ttf");
    }

    private static BaseFont font(String resource) {
        try (InputStream in = ExtractRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing (openpdf-fonts-extra)");
            }
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, BaseFont.CACHED, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Content(String schoolName, String className, String studentName, LocalDate from, LocalDate to,
            List<SubjectRow> rows, LocalDate issuedOn) {
    }

    record Rendered(byte[] pdf, int pages) {
    }

    Rendered render(Content c) {
        Font text = new Font(regular, 11);
        Font small = new Font(regular, 9);
        Font heading = new Font(bold, 13);
        Font header = new Font(bold, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 50, 40, 45, 45);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        pdf.addTitle("Выписка из классного журнала");
        pdf.open();
        pdf.add(centered(c.schoolName(), heading));
        pdf.add(centered(" ", text));
        pdf.add(centered("ВЫПИСКА ИЗ КЛАССНОГО ЖУРНАЛА", heading));
        pdf.add(centered("об успеваемости обучающегося", text));
        pdf.add(centered(" ", text));
        pdf.add(new Paragraph("Обучающийся: " + c.studentName(), text));
        pdf.add(new Paragraph("Класс: " + c.className(), text));
        pdf.add(new Paragraph("Период: с " + DAY.format(c.from()) + " по " + DAY.format(c.to()), text));
        pdf.add(new Paragraph(" ", text));

        PdfPTable table = new PdfPTable(new float[] {3.2f, 5.5f, 1.6f, 1.6f, 1.8f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String title : List.of("Предмет", "Отметки", "Средний балл", "Пропуски (Б/У/Н)", "Итоговая отметка")) {
            PdfPCell cell = new PdfPCell(new Phrase(title, header));
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(cell);
        }
        int absences = 0;
        for (SubjectRow row : c.rows()) {
            table.addCell(new Phrase(row.subject().name() == null ? row.subject().id() : row.subject().name(), small));
            table.addCell(new Phrase(String.join(" ", row.grades()), small));
            table.addCell(cell(row.weightedAverage() == null ? "—"
                    : String.format(Locale.forLanguageTag("ru"), "%.2f", row.weightedAverage()), small));
            table.addCell(cell(row.absences() + " (" + row.absencesIllness() + "/" + row.absencesValid() + "/"
                    + row.absencesUnexcused() + ")", small));
            table.addCell(cell(row.periodResult() == null ? "—" : row.periodResult().value(), small));
            absences += row.absences();
        }
        if (c.rows().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("За период записей в журнале нет", small));
            none.setColspan(5);
            table.addCell(none);
        }
        pdf.add(table);
        pdf.add(new Paragraph(" ", text));
        pdf.add(new Paragraph("Пропущено уроков за период: " + absences
                + " (Б — по болезни, У — по уважительной причине, Н — без уважительной причины).", text));
        pdf.add(new Paragraph(" ", text));
        pdf.add(new Paragraph("Дата выдачи: " + DAY.format(c.issuedOn()), text));
        pdf.add(new Paragraph(" ", text));
        pdf.add(new Paragraph("Руководитель образовательного учреждения  ____________________", text));
        pdf.add(new Paragraph("М. П.", text));
        int pages = writer.getPageNumber();
        pdf.close();
        return new Rendered(out.toByteArray(), pages);
    }

    private static Paragraph centered(String value, Font font) {
        Paragraph paragraph = new Paragraph(value, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        return paragraph;
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }
}
