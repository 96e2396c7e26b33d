package ru.eshkola.monitoring.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.eshkola.monitoring.ProducerContracts;
import ru.eshkola.monitoring.roster.JournalClassEvents.AccessChanged;
import ru.eshkola.monitoring.roster.JournalClassEvents.AssignmentChanged;
import ru.eshkola.monitoring.roster.JournalClassEvents.ClassChanged;
import ru.eshkola.monitoring.roster.JournalClassEvents.EnrolmentChanged;

class RosterContractTests {

    @Test
    void theJournalsClassEventsReadIntoTheRostersRecords() {
        for (String verb : new String[] {"opened", "updated"}) {
            assertThat(ProducerContracts.read("journal-service", "journal.class." + verb + ".v1", ClassChanged.class)
                    .schoolYear()).isNotBlank();
        }
        for (String verb : new String[] {"started", "ended"}) {
            assertThat(ProducerContracts.read("journal-service", "journal.enrolment." + verb + ".v1",
                    EnrolmentChanged.class).from()).isNotNull();
            assertThat(ProducerContracts.read("journal-service", "journal.assignment." + verb + ".v1",
                    AssignmentChanged.class).teacherId()).isNotBlank();
        }
        assertThat(ProducerContracts.read("journal-service", "journal.enrolment.ended.v1", EnrolmentChanged.class)
                .to()).isNotNull();
    }

    @Test
    void applicationsAccessEventsSayWhoGetsTheServiceFromWhenToWhen() {
        AccessChanged granted = ProducerContracts.read("applications-service", "applications.access.granted.v1",
                AccessChanged.class);
        assertThat(granted.to()).isNull();
        AccessChanged revoked = ProducerContracts.read("applications-service", "applications.access.revoked.v1",
                AccessChanged.class);
        assertThat(revoked.to()).isNotNull();
        assertThat(revoked.guardianAccountId()).isNotBlank();
    }
}
