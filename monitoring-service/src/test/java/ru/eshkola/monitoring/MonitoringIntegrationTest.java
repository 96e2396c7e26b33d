package ru.eshkola.monitoring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import ru.eshkola.kit.testing.ServiceIntegrationTest;
import ru.eshkola.kit.testing.ShiftedClock;

/**
 * The one context every integration test of the service shares (a second context costs a broker round of ten
 * seconds): the whole service against the test broker and store, with a movable clock and a fast timer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@Import(ShiftedClock.Config.class)
@TestPropertySource(properties = {
        "eshkola.monitoring.deadlines.timer-interval=1s",
        "eshkola.monitoring.deadlines.materialise-interval=3s",
        "eshkola.monitoring.deadlines.materialise-initial-delay=1s",
        "eshkola.monitoring.indicators.gauge-refresh=2s"})
public @interface MonitoringIntegrationTest {

}
