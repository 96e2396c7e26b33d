package ru.eshkola.monitoring.checklist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.web.util.HtmlUtils;

/** The checklist table as CSV (Russian-locale Excel), XLSX (Apache POI) and a printable HTML page, all in Russian. */
final class ChecklistExports {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private ChecklistExports() {
    }

    /**
     * UTF-8 with a byte-order mark (Excel otherwise reads Cyrillic as cp1251), semicolons, CRLF, RFC 4180 quoting;
     * a cell starting with {@code = + - @} gets a leading apostrophe so that no text runs as a formula.
     */
    static byte[] csv(ChecklistTable table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of("№", "Показатель", "Как определяется"));
        table.schools().forEach(s -> header.add(s.name()));
        header.add("«+» у школ");
        line(out, header);
        for (ChecklistTable.Line row : table.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.code(), row.text(), kind(row)));
            for (ChecklistTable.Cell cell : row.cells()) {
                cells.add(cell.value() + " (" + cell.reason() + ")");
            }
            cells.add(row.count().plus() + " из " + row.cells().size());
            line(out, cells);
        }
        out.append("\r\n");
        line(out, List.of("Свод", "Школ", "Показатель", "«+»", "«−»", "нет отметки"));
        List<ChecklistTable.Rollup> rollups = new ArrayList<>(table.municipalities());
        rollups.add(table.region());
        for (ChecklistTable.Rollup rollup : rollups) {
            rollup.rows().forEach((code, count) -> line(out, List.of(rollup.name(), String.valueOf(rollup.schools()),
                    code, String.valueOf(count.plus()), String.valueOf(count.minus()),
                    String.valueOf(count.unknown()))));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String quote(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String kind(ChecklistTable.Line row) {
        return ("COMPUTED".equals(row.kind()) ? "по данным системы: " : "") + row.rule();
    }

    /** One sheet, the reason of each cell in its comment; a second sheet with the roll-up. */
    static byte[] xlsx(ChecklistTable table) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CreationHelper helper = book.getCreationHelper();
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            head.setWrapText(true);
            head.setVerticalAlignment(VerticalAlignment.TOP);
            border(head);
            CellStyle text = book.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            border(text);
            CellStyle mark = book.createCellStyle();
            mark.setAlignment(HorizontalAlignment.CENTER);
            mark.setVerticalAlignment(VerticalAlignment.TOP);
            border(mark);

            Sheet sheet = book.createSheet("Мониторинг");
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("Мониторинг организационных и технических условий предоставления "
                    + "электронной образовательной услуги, " + DATE.format(table.from()) + " – "
                    + DATE.format(table.to()));
            Row header = sheet.createRow(2);
            cell(header, 0, "№", head);
            cell(header, 1, "Показатели", head);
            cell(header, 2, "Как определяется", head);
            for (int i = 0; i < table.schools().size(); i++) {
                cell(header, 3 + i, table.schools().get(i).name(), head);
            }
            cell(header, 3 + table.schools().size(), "«+» у школ", head);
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            int r = 3;
            for (ChecklistTable.Line line : table.rows()) {
                Row row = sheet.createRow(r);
                cell(row, 0, line.code(), line.level() == 1 ? head : text);
                cell(row, 1, line.text(), line.level() == 1 ? head : text);
                cell(row, 2, kind(line), text);
                for (int i = 0; i < line.cells().size(); i++) {
                    ChecklistTable.Cell value = line.cells().get(i);
                    Cell c = cell(row, 3 + i, value.value(), mark);
                    ClientAnchor anchor = helper.createClientAnchor();
                    anchor.setCol1(3 + i);
                    anchor.setCol2(3 + i + 4);
                    anchor.setRow1(r);
                    anchor.setRow2(r + 4);
                    Comment comment = drawing.createCellComment(anchor);
                    comment.setString(helper.createRichTextString(value.reason()
                            + (value.note() == null ? "" : "; " + value.note())));
                    c.setCellComment(comment);
                }
                cell(row, 3 + line.cells().size(), line.count().plus() + " из " + line.cells().size(), mark);
                r++;
            }
            sheet.setColumnWidth(0, 6 * 256);
            sheet.setColumnWidth(1, 70 * 256);
            sheet.setColumnWidth(2, 40 * 256);
            for (int i = 0; i <= table.schools().size(); i++) {
                sheet.setColumnWidth(3 + i, 14 * 256);
            }
            sheet.createFreezePane(3, 3);

            Sheet rollup = book.createSheet("Свод");
            Row top = rollup.createRow(0);
            cell(top, 0, "№", head);
            List<ChecklistTable.Rollup> rollups = new ArrayList<>(table.municipalities());
            rollups.add(table.region());
            for (int i = 0; i < rollups.size(); i++) {
                cell(top, 1 + i, rollups.get(i).name() + " (школ: " + rollups.get(i).schools() + ")", head);
            }
            int rr = 1;
            for (ChecklistTable.Line line : table.rows()) {
                Row row = rollup.createRow(rr++);
                cell(row, 0, line.code(), text);
                for (int i = 0; i < rollups.size(); i++) {
                    ChecklistTable.Count count = rollups.get(i).rows().get(line.code());
                    cell(row, 1 + i, "«+» " + count.plus() + ", «−» " + count.minus() + ", нет отметки "
                            + count.unknown(), text);
                }
            }
            rollup.setColumnWidth(0, 6 * 256);
            for (int i = 0; i < rollups.size(); i++) {
                rollup.setColumnWidth(1 + i, 36 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void border(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }

    private static Cell cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    /** A printable page (A4 landscape): the table with each cell's reason in small print, then the roll-up. */
    static String html(ChecklistTable table) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">")
                .append("<title>Мониторинг условий предоставления электронной услуги</title><style>")
                .append("@page{size:A4 landscape;margin:10mm}body{font-family:'Liberation Serif','Times New Roman',")
                .append("serif;font-size:10pt}table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;")
                .append("padding:2px 4px;vertical-align:top}th{background:#eee}td.mark{text-align:center;")
                .append("font-size:12pt;font-weight:bold}td.mark small{display:block;font-size:7pt;")
                .append("font-weight:normal}tr.l1 td.text{font-weight:bold}tr{page-break-inside:avoid}")
                .append("thead{display:table-header-group}.muted{color:#555}</style></head><body>");
        h.append("<p>Приложение 1</p><h1 style=\"font-size:13pt;text-align:center\">Мониторинг организационных и ")
                .append("технических условий предоставления электронной образовательной услуги по информированию ")
                .append("родителей об успеваемости учащихся муниципальных общеобразовательных учреждений</h1>")
                .append("<p style=\"text-align:center\">за период с ").append(DATE.format(table.from())).append(" по ")
                .append(DATE.format(table.to())).append("</p>");
        h.append("<table><thead><tr><th>№</th><th>Показатели</th>");
        table.schools().forEach(s -> h.append("<th>").append(esc(s.name())).append("</th>"));
        h.append("<th>«+» у школ</th></tr></thead><tbody>");
        for (ChecklistTable.Line line : table.rows()) {
            h.append("<tr class=\"l").append(line.level()).append("\"><td>").append(esc(line.code()))
                    .append("</td><td class=\"text\">").append(esc(line.text())).append("<br><small class=\"muted\">")
                    .append("COMPUTED".equals(line.kind()) ? "по данным системы: " : "").append(esc(line.rule()))
                    .append("</small></td>");
            for (ChecklistTable.Cell cell : line.cells()) {
                h.append("<td class=\"mark\">").append(esc(ChecklistTable.UNKNOWN.equals(cell.value()) ? "—"
                        : cell.value())).append("<small>").append(esc(cell.reason())).append("</small></td>");
            }
            h.append("<td class=\"mark\">").append(line.count().plus()).append(" из ").append(line.cells().size())
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");
        h.append("<h2 style=\"font-size:11pt\">Свод по муниципалитетам и региону (число школ с «+»)</h2><table><thead>")
                .append("<tr><th>№</th>");
        List<ChecklistTable.Rollup> rollups = new ArrayList<>(table.municipalities());
        rollups.add(table.region());
        rollups.forEach(r -> h.append("<th>").append(esc(r.name())).append(" (школ: ").append(r.schools())
                .append(")</th>"));
        h.append("</tr></thead><tbody>");
        for (ChecklistTable.Line line : table.rows()) {
            h.append("<tr><td>").append(esc(line.code())).append("</td>");
            for (ChecklistTable.Rollup r : rollups) {
                ChecklistTable.Count count = r.rows().get(line.code());
                h.append("<td>").append(count.plus()).append(" из ").append(r.schools()).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table><p class=\"muted\">«+» / «−» — по данным системы (правило указано под показателем) ")
                .append("или по отметке администратора школы (ФИО и дата в ячейке); «—» — отметки нет. Порог ")
                .append("своевременности: ").append(esc(Checklist.percent(table.onTimeThreshold())))
                .append(" записей в срок.</p></body></html>");
        return h.toString();
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
