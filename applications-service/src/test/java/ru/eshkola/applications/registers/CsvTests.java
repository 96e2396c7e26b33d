package ru.eshkola.applications.registers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void cellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        assertThat(Csv.cell("Иванова Мария")).isEqualTo("Иванова Мария");
        assertThat(Csv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(Csv.cell("Заявление, копия паспорта")).isEqualTo("\"Заявление, копия паспорта\"");
        assertThat(Csv.cell("он сказал \"нет\"")).isEqualTo("\"он сказал \"\"нет\"\"\"");
        assertThat(Csv.cell("строка\nвторая")).isEqualTo("\"строка\nвторая\"");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void aValueASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK");
        assertThat(Csv.cell("+7 900")).isEqualTo("'+7 900");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
