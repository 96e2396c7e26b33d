package ru.eshkola.monitoring.registers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.eshkola.monitoring.ProducerContracts;
import ru.eshkola.monitoring.registers.ApplicationsEvents.AccountChanged;
import ru.eshkola.monitoring.registers.ApplicationsEvents.ApplicationChanged;
import ru.eshkola.monitoring.registers.ApplicationsEvents.ComplaintChanged;
import ru.eshkola.monitoring.registers.ApplicationsEvents.ConsentChanged;

class RegistersContractTests {

    static final String APPLICATIONS = "applications-service";

    @Test
    void applicationEventsReadIntoTheRegistersRecordWithoutPersonalData() {
        for (String type : new String[] {"applications.application.received.v1", "applications.application.granted.v1",
                "applications.application.refused.v1", "applications.application.terminated.v1",
                "applications.decision.overdue.v1"}) {
            assertThat(ProducerContracts.read(APPLICATIONS, type, ApplicationChanged.class).schoolId()).isNotBlank();
        }
        assertThat(ProducerContracts.read(APPLICATIONS, "applications.application.granted.v1",
                ApplicationChanged.class).onTime()).isNotNull();
        assertThat(ProducerContracts.read(APPLICATIONS, "applications.decision.overdue.v1", ApplicationChanged.class)
                .stage()).isNotBlank();
    }

    @Test
    void consentAccountAndComplaintEventsReadIntoTheRegistersRecords() {
        assertThat(ProducerContracts.read(APPLICATIONS, "applications.consent.given.v1", ConsentChanged.class)
                .givenAt()).isNotNull();
        assertThat(ProducerContracts.read(APPLICATIONS, "applications.consent.withdrawn.v1", ConsentChanged.class)
                .withdrawnAt()).isNotNull();
        assertThat(ProducerContracts.read(APPLICATIONS, "applications.account.issued.v1", AccountChanged.class)
                .issuedAt()).isNotNull();
        assertThat(ProducerContracts.read(APPLICATIONS, "applications.account.blocked.v1", AccountChanged.class)
                .blockedAt()).isNotNull();
        for (String verb : new String[] {"registered", "answered", "overdue"}) {
            assertThat(ProducerContracts.read(APPLICATIONS, "applications.complaint." + verb + ".v1",
                    ComplaintChanged.class).answerDue()).isNotNull();
        }
    }
}
