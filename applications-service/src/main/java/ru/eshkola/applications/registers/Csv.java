package ru.eshkola.applications.registers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Register exports for spreadsheet programs: UTF-8 with a byte-order mark (without it Excel reads Cyrillic as
 * cp1251), a header row, semicolons between cells (the list separator of Russian-locale Excel, which also keeps
 * commas inside Russian text unquoted), CRLF line ends, RFC 4180 quoting.
 */
public final class Csv implements AutoCloseable {

    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final char SEPARATOR = ';';

    private final Writer out;

    private Csv(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /** A download of {@code fileName} whose rows the writer produces while the response streams. */
    public static ResponseEntity<StreamingResponseBody> download(String fileName, List<String> header,
            RowWriter rows) {
        StreamingResponseBody body = stream -> {
            try (Csv csv = new Csv(stream)) {
                csv.out.write('\uFEFF');
                csv.row(header);
                rows.write(csv);
            }
        };
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName,
                        StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @FunctionalInterface
    public interface RowWriter {
        void write(Csv csv) throws IOException;
    }

    /** One row; null cells are written empty. */
    public void row(Object... cells) {
        row(java.util.Arrays.asList(cells));
    }

    public void row(List<?> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(SEPARATOR);
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One cell. A value a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe: register
     * fields are typed by the public, and an exported complaint text must not become a formula on a clerk's PC.
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(SEPARATOR) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf(',') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
