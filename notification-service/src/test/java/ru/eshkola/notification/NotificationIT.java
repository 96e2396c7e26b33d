package ru.eshkola.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import ru.eshkola.kit.testing.ServiceIntegrationTest;
import ru.eshkola.kit.testing.ShiftedClock;
import ru.eshkola.kit.testing.TestInfrastructure;

/**
 * The whole service against the shared broker and store, a real SMTP server (GreenMail, embedded, behind a
 * {@link TestMail#gate() gate} that can cut it off) and the {@link ShiftedClock}. Every integration test of the module
 * carries this one annotation, so they all share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
// this list replaces @ServiceIntegrationTest's own (the nearest @ContextConfiguration wins), so it names the kit's too
@ContextConfiguration(initializers = {TestInfrastructure.Initializer.class, TestMail.Initializer.class})
@Import(ShiftedClock.Config.class)
public @interface NotificationIT {
}
