package ru.eshkola.monitoring.schools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.eshkola.monitoring.ProducerContracts;

class SchoolYearContractTests {

    @Test
    void aSchoolYearCarriesItsPeriodsAndHolidays() {
        for (String type : new String[] {"journal.school-year.configured.v1", "journal.school-year.closed.v1"}) {
            SchoolYearChanged year = ProducerContracts.read("journal-service", type, SchoolYearChanged.class);
            assertThat(year.periods()).hasSize(5);
            assertThat(year.holidays().getFirst().from()).hasToString("2026-10-24");
        }
    }
}
