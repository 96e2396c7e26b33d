package ru.eshkola.journal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

import ru.eshkola.kit.testing.ServiceIntegrationTest;

/** The journal on the shared test broker and store, with the {@link TestClock}; one Spring context for all. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceIntegrationTest
@Import(TestClock.Config.class)
public @interface JournalIntegrationTest {
}
