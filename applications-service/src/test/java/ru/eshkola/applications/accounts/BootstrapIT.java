package ru.eshkola.applications.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import ru.eshkola.applications.Api;
import ru.eshkola.applications.ApplicationsIT;
import ru.eshkola.applications.JournalFeed;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.Http;

/**
 * The local platform's bootstrap: the first regional operator from the environment, and staff accounts active at
 * once with the demo password. The shared context has neither set (as in production); these tests build the bootstrap
 * and a register with them set over the same beans — a second context would consume the same topics and answer the
 * other tests' events from its own database. How the settings bind is {@link BootstrapSettingsTests}'.
 */
@ApplicationsIT
class BootstrapIT {

    static final String LOGIN = "Operator@Eshkola.Local";
    static final String PASSWORD = "Локальный-оператор-2026";
    static final String DEMO_PASSWORD = "Демо-учитель-2026";
    static EventProbe events;

    @LocalServerPort
    int port;
    @Autowired
    AccountRegister register;
    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    Roster roster;
    @Autowired
    Accounts accounts;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Secrets secrets;
    @Autowired
    AccountSettings accountSettings;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    Clock clock;

    AccountBootstrap bootstrap(String login, String password, String demoPassword) {
        return new AccountBootstrap(demoRegister(demoPassword), new BootstrapSettings(
                new BootstrapSettings.Operator(login, password, "66"), demoPassword));
    }

    AccountRegister demoRegister(String demoPassword) {
        return new AccountRegister(accounts, mongo, secrets, roster, accountSettings, new BootstrapSettings(
                new BootstrapSettings.Operator(null, null, "66"), demoPassword), publisher, clock);
    }

    @BeforeAll
    static void subscribe() {
        events = EventProbe.on("applications.accounts");
    }

    @AfterAll
    static void close() throws InterruptedException {
        events.close();
    }

    @Test
    void theBootstrapOperatorSignsInAsTheRegionalOperatorAndEveryStartKeepsOneAccount() throws Exception {
        Api api = new Api(port);
        bootstrap(LOGIN, PASSWORD, null).run(new DefaultApplicationArguments());
        JsonNode tokens = Api.ok(api.signIn("operator@eshkola.local", PASSWORD));
        JWTClaimsSet claims = SignedJWT.parse(tokens.get("accessToken").asString()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("REGIONAL_OPERATOR");
        assertThat(claims.getStringClaim("region")).isEqualTo("66");
        Http operator = Http.local(port).withAuthorization("Bearer " + tokens.get("accessToken").asString());
        assertThat(operator.get("/api/v1/signing-keys").statusCode()).as("what only the regional operator may")
                .isEqualTo(200);

        String id = claims.getSubject();
        bootstrap(LOGIN, PASSWORD, null).run(new DefaultApplicationArguments());
        assertThat(register.bootstrapOperator(LOGIN, PASSWORD, "66")).as("a second start, another instance")
                .isEqualTo(id);
        Api.ok(api.signIn(LOGIN, PASSWORD));

        String changed = "Новый-пароль-оператора-1";
        assertThat(register.bootstrapOperator(LOGIN, changed, "66")).isEqualTo(id);
        assertThat(api.signIn(LOGIN, PASSWORD).statusCode()).as("the environment's password is the one")
                .isEqualTo(401);
        Api.ok(api.signIn(LOGIN, changed));
        register.bootstrapOperator(LOGIN, PASSWORD, "66");
    }

    @Test
    void withTheDemoPasswordStaffFromTheJournalSignInAtOnce() throws Exception {
        JournalFeed journal = new JournalFeed(kafka, roster);
        String school = journal.school();
        String staffId = EventIds.next();
        String email = Api.email("demo.teacher");
        demoRegister(DEMO_PASSWORD).staffChanged(new ru.eshkola.applications.roster.StaffMemberChanged(staffId,
                school, "D-7", "Демова", "Дарья", null, email, Set.of("TEACHER", "SCHOOL_ADMINISTRATOR"), true));
        Api.await(events, "applications.account.issued.v1", email);

        HttpResponse<String> signedIn = new Api(port).signIn(email, DEMO_PASSWORD);
        JWTClaimsSet claims = SignedJWT.parse(Api.ok(signedIn).get("accessToken").asString()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("staff")).containsExactly(staffId);
        assertThat(claims.getStringListClaim("adminSchools")).containsExactly(school);
        String accountId = claims.getSubject();
        JsonNode account = Api.ok(Api.registrar(port, school).get("/api/v1/accounts/" + accountId));
        assertThat(account.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(account.get("history")).extracting(h -> h.get("by").asString()).contains("system:demo");
        assertThat(register.activatePendingStaff()).as("nothing without the demo password").isZero();
    }

    @Test
    void staffAccountsIssuedBeforeTheDemoPasswordWasSetAreActivatedAtTheNextStart() {
        JournalFeed journal = new JournalFeed(kafka, roster);
        String school = journal.school();
        String email = Api.email("waiting.teacher");
        register.staffChanged(new ru.eshkola.applications.roster.StaffMemberChanged(EventIds.next(), school, "W-1",
                "Ждущая", "Вера", null, email, Set.of("TEACHER"), true));
        assertThat(new Api(port).signIn(email, DEMO_PASSWORD).statusCode()).isEqualTo(401);

        bootstrap(null, null, DEMO_PASSWORD).run(new DefaultApplicationArguments());

        Api.ok(new Api(port).signIn(email, DEMO_PASSWORD));
    }

    @Test
    void settingOnlyOneOfLoginAndPasswordStopsTheStart() {
        AccountBootstrap halfConfigured = bootstrap("someone@example.ru", null, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> halfConfigured.run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ESHKOLA_BOOTSTRAP_OPERATOR_PASSWORD")
                .hasMessageNotContaining("someone@example.ru");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> register.bootstrapOperator("op2@example.ru",
                "short", "66")).isInstanceOf(IllegalStateException.class).hasMessageContaining("refused");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> demoRegister("short"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ESHKOLA_DEMO_STAFF_PASSWORD");
    }
}
