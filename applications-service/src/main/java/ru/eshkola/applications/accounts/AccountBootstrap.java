package ru.eshkola.applications.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At every start: the platform's first regional operator when the environment names one (idempotent, so every
 * instance may run it), and, on the local demo platform only, the staff accounts still waiting for activation made
 * active with the demo password. A misconfiguration stops the start: a platform nobody can sign in to is worse than
 * one that does not start.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final AccountRegister register;
    private final BootstrapSettings settings;

    AccountBootstrap(AccountRegister register, BootstrapSettings settings) {
        this.register = register;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        BootstrapSettings.Operator operator = settings.operator();
        if (operator.requested()) {
            if (operator.login() == null || operator.login().isBlank() || operator.password() == null
                    || operator.password().isBlank()) {
                throw new IllegalStateException("ESHKOLA_BOOTSTRAP_OPERATOR_LOGIN and "
                        + "ESHKOLA_BOOTSTRAP_OPERATOR_PASSWORD are set together or not at all");
            }
            String accountId = register.bootstrapOperator(operator.login(), operator.password(), operator.region());
            // the account id only: a login is an e-mail address, which stays out of the logs
            log.info("bootstrap regional operator of region {} is account {}, active", operator.region(), accountId);
        }
        if (settings.demoStaff()) {
            int activated = register.activatePendingStaff();
            log.warn("ESHKOLA_DEMO_STAFF_PASSWORD is set: staff accounts from the journal are active with ONE shared "
                    + "password ({} waiting accounts activated now). LOCAL DEMO PLATFORM ONLY - never set it in "
                    + "production.", activated);
        }
    }
}
