package ru.eshkola.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import tools.jackson.databind.json.JsonMapper;

/**
 * Signs the local platform's tools in, as a person would: {@code POST /api/v1/signin {login, password}} on
 * applications-service, the access token of the answer sent as {@code Authorization: Bearer ...} afterwards.
 *
 * <p>The local platform's passwords come from the environment ({@code ESHKOLA_BOOTSTRAP_OPERATOR_LOGIN},
 * {@code ESHKOLA_BOOTSTRAP_OPERATOR_PASSWORD}, {@code ESHKOLA_DEMO_STAFF_PASSWORD}) or, when a tool runs in another
 * terminal, from the file {@code deploy/local/run} keeps them in ({@code deploy/local/data/local-credentials},
 * readable by its owner only; another path in {@code ESHKOLA_LOCAL_CREDENTIALS}).
 */
final class PlatformSignIn {

    static final String OPERATOR_LOGIN = "ESHKOLA_BOOTSTRAP_OPERATOR_LOGIN";
    static final String OPERATOR_PASSWORD = "ESHKOLA_BOOTSTRAP_OPERATOR_PASSWORD";
    static final String STAFF_PASSWORD = "ESHKOLA_DEMO_STAFF_PASSWORD";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final String applications;
    private final HttpClient http;
    private final Properties local = new Properties();

    PlatformSignIn(String applications, HttpClient http) {
        this.applications = applications;
        this.http = http;
        Path file = Path.of(System.getenv().getOrDefault("ESHKOLA_LOCAL_CREDENTIALS",
                "deploy/local/data/local-credentials"));
        if (Files.isReadable(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                local.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A setting of the local platform: the environment first, then deploy/local/run's credentials file. */
    String setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = local.getProperty(name);
        }
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set, and no credentials file of deploy/local/run was "
                    + "found (run the tool from the repository root, or set ESHKOLA_LOCAL_CREDENTIALS)");
        }
        return value;
    }

    /** The bootstrap operator's access token (applications-service creates the account as it starts). */
    String operator() throws IOException, InterruptedException {
        return signIn(setting(OPERATOR_LOGIN), setting(OPERATOR_PASSWORD), 3);
    }

    /** A staff member's access token: login = their work e-mail, the demo staff password. */
    String staff(String email, int attempts) throws IOException, InterruptedException {
        return signIn(email, setting(STAFF_PASSWORD), attempts);
    }

    /**
     * Signs in; an account that applications-service has not issued yet (it follows the journal's staff events) is
     * tried again after a pause, at most {@code attempts} times — fewer than the five failures that lock a login out.
     */
    String signIn(String login, String password, int attempts) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("login", login, "password", password));
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(applications
                            + "/api/v1/signin")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body()).get("accessToken").asString();
            }
            if (attempt >= Math.min(attempts, 4) || response.statusCode() != 401) {
                throw new IllegalStateException("sign-in of " + login + " refused: " + response.statusCode() + " "
                        + response.body());
            }
            Thread.sleep(1_500L * attempt);
        }
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
