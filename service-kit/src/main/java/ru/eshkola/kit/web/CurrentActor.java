package ru.eshkola.kit.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller parameter ({@code String}) that receives the id of the user performing the request: who
 * entered a grade, who registered an application. Recorded with every change.
 *
 * <p>Until the platform's token validation is switched on, the id is taken from the {@value ActorResolver#HEADER}
 * header; a request without it is refused with 401.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentActor {
}
