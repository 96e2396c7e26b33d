package ru.eshkola.applications.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.bootstrap.*}: accounts a fresh platform needs before anyone can be issued one. Nothing is set by
 * default, so nothing is created in production unless the environment asks for it.
 *
 * @param operator          the platform's first regional operator ({@code ESHKOLA_BOOTSTRAP_OPERATOR_*})
 * @param demoStaffPassword {@code ESHKOLA_DEMO_STAFF_PASSWORD}: LOCAL DEMO ONLY — staff accounts issued from the
 *                          journal's roster are active at once with this one shared password
 */
@ConfigurationProperties("eshkola.bootstrap")
record BootstrapSettings(@DefaultValue Operator operator, String demoStaffPassword) {

    /**
     * @param login    the operator's login (an e-mail address); with the password, created or kept at every start
     * @param password the operator's password, stored only as an Argon2id hash
     * @param region   the region the operator operates in
     */
    record Operator(String login, String password, @DefaultValue("66") String region) {

        boolean requested() {
            return login != null && !login.isBlank() || password != null && !password.isBlank();
        }
    }

    boolean demoStaff() {
        return demoStaffPassword != null && !demoStaffPassword.isEmpty();
    }
}
