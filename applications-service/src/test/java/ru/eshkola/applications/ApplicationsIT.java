package ru.eshkola.applications;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

import ru.eshkola.kit.testing.ServiceIntegrationTest;
import ru.eshkola.kit.testing.ShiftedClock;

/**
 * The whole service against the shared broker and store, with the {@link ShiftedClock}. Every integration test of the
 * module carries this one annotation, so they all share one Spring context (and one ~10 s start).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@Import(ShiftedClock.Config.class)
public @interface ApplicationsIT {
}
