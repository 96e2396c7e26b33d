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
 * <p>In a service that validates access tokens (it depends on the resource-server starter and
 * {@code eshkola.security.enabled} is not false), the id is the token's subject (the account id) and the
 * {@value ActorResolver#HEADER} header is ignored. Otherwise it is taken from that header; a request without it is
 * refused with 401.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentActor {
}
