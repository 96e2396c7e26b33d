package ru.eshkola.applications.applications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import ru.eshkola.applications.roster.Roster;

/**
 * The written refusal notice (уведомление об отказе), in Russian, rendered from the application as decided. The font
 * (Liberation Serif, with Cyrillic) is embedded, so the notice prints the same on any computer.
 */
@Component
class RefusalNotice {

    static final String SERVICE = "«Предоставление информации о текущей успеваемости учащегося, ведение электронного "
            + "дневника и электронного журнала успеваемости»";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Roster roster;
    private final BaseFont regular;
    private final BaseFont bold;

    RefusalNotice(Roster roster) {
        this.roster = roster;
        this.regular = font("liberation/LiberationSerif-Regular.ttf");
        this.bold = font("liberation/LiberationSerif-Bold.ttf");
    }

    private static BaseFont font(String resource) {
        try (InputStream in = RefusalNotice.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing (openpdf-fonts-extra)");
            }
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, BaseFont.CACHED, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(Application application) {
        Roster.SchoolInfo school = roster.school(application.schoolId()).orElse(null);
        ZoneId zone = school == null ? ZoneId.of("UTC") : school.timeZone();
        Application.Decision decision = application.decision();
        String decidedBy = roster.staff(decision.decidedBy()).map(Roster.StaffInfo::fullName)
                .orElse(decision.decidedBy());
        Font text = new Font(regular, 12);
        Font heading = new Font(bold, 13);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 70, 50, 50, 50);
        PdfWriter.getInstance(pdf, out);
        pdf.addTitle("Уведомление об отказе № " + application.registrationNumber());
        pdf.open();
        pdf.add(centered(school == null ? application.schoolId() : school.name(), heading));
        pdf.add(centered(" ", text));
        pdf.add(centered("УВЕДОМЛЕНИЕ", heading));
        pdf.add(centered("об отказе в предоставлении услуги " + SERVICE, heading));
        pdf.add(centered("от " + DAY.format(decision.decisionDay()) + " к заявлению № "
                + application.registrationNumber(), text));
        pdf.add(paragraph(" ", text));
        pdf.add(paragraph("Уважаемый(ая) " + application.applicant().fullName() + "!", text));
        pdf.add(paragraph("Рассмотрено Ваше заявление № " + application.registrationNumber() + " от "
                + DAY.format(application.receivedAt().atZone(zone).toLocalDate()) + " о предоставлении информации "
                + what(application) + " в отношении обучающегося(ихся): " + String.join(", ",
                        application.students().stream().map(Application.StudentRef::fullName).toList()) + ".", text));
        pdf.add(paragraph("В предоставлении услуги отказано по следующим основаниям:", text));
        List<String> grounds = decision.groundTexts();
        for (int i = 0; i < grounds.size(); i++) {
            pdf.add(paragraph((i + 1) + ". " + grounds.get(i) + ".", text));
        }
        if (decision.text() != null) {
            pdf.add(paragraph("Пояснение: " + decision.text(), text));
        }
        pdf.add(paragraph("Отказ не препятствует повторному обращению после устранения оснований для отказа. "
                + "Решение может быть обжаловано в досудебном (внесудебном) порядке: жалоба подаётся в "
                + "образовательное учреждение или в орган местного самоуправления, осуществляющий управление в "
                + "сфере образования, и рассматривается в течение 15 рабочих дней со дня её регистрации, а также "
                + "в судебном порядке.", text));
        pdf.add(paragraph(" ", text));
        pdf.add(paragraph("Решение принял(а): " + decidedBy, text));
        pdf.add(paragraph("Дата решения: " + DAY.format(decision.decisionDay()), text));
        pdf.close();
        return out.toByteArray();
    }

    private static String what(Application application) {
        return switch (application.kind()) {
            case ELECTRONIC_DIARY -> "о текущей успеваемости в форме электронного дневника и электронного журнала";
            case PAPER_EXTRACT -> "о текущей успеваемости в виде выписки из классного журнала за период с "
                    + DAY.format(application.extractPeriod().from()) + " по "
                    + DAY.format(application.extractPeriod().to());
            case TERMINATION -> "о прекращении предоставления услуги";
        };
    }

    private static Paragraph centered(String content, Font font) {
        Paragraph p = new Paragraph(content, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static Paragraph paragraph(String content, Font font) {
        Paragraph p = new Paragraph(content, font);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setSpacingAfter(6);
        return p;
    }
}
