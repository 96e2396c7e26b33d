package ru.eshkola.kit.security;

/**
 * The values of the {@code roles} claim, as the issuer (applications-service) writes them. Plain strings, so the kit
 * stays free of domain types; {@code @PreAuthorize("hasRole('TEACHER')")} works with them as they are.
 */
public final class Roles {

    public static final String GUARDIAN = "GUARDIAN";
    public static final String STUDENT = "STUDENT";
    public static final String TEACHER = "TEACHER";
    public static final String SCHOOL_ADMINISTRATOR = "SCHOOL_ADMINISTRATOR";
    public static final String MUNICIPAL_OPERATOR = "MUNICIPAL_OPERATOR";
    public static final String REGIONAL_OPERATOR = "REGIONAL_OPERATOR";

    private Roles() {
    }
}
