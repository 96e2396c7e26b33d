package ru.eshkola.journal.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTableTests {

    @Test
    void readsASemicolonFileFromExcelWithByteOrderMarkQuotesAndRussianText() {
        CsvTable table = CsvTable.parse("\uFEFFstudent_number;last_name;class\r\n"
                + "S-1;\"Иванова; Анна\";7Б\r\n"
                + "S-2;\"Петров \"\"Петя\"\"\";\"7\nБ\"\r\n"
                + "\r\n"
                + "S-3;Сидоров\r\n");

        assertThat(table.header()).containsExactly("student_number", "last_name", "class");
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(0).get("last_name")).isEqualTo("Иванова; Анна");
        assertThat(table.rows().get(1).get("last_name")).isEqualTo("Петров \"Петя\"");
        assertThat(table.rows().get(1).get("class")).isEqualTo("7\nБ");
        assertThat(table.rows().get(2).line()).as("line numbers count the quoted line break").isEqualTo(6);
        assertThat(table.rows().get(2).get("class")).isNull();
    }

    @Test
    void readsACommaFileAndLowerCasesTheHeader() {
        CsvTable table = CsvTable.parse("Code,Name,Short_Name\nmath,Математика,Мат.\n");
        assertThat(table.header()).containsExactly("code", "name", "short_name");
        assertThat(table.rows().getFirst().get("name")).isEqualTo("Математика");
        assertThat(table.rows().getFirst().line()).isEqualTo(2);
    }
}
