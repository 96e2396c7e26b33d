package ru.eshkola.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the journal of a running platform to generate the demo region (the nine schools of seed 003 with their
 * rosters, timetables and the current quarter so far), or to add the school days since the last start. The journal
 * generates it through its own rules and publishes every event, so every other service receives it as real data.
 *
 * <p>The demo region is loaded by the region's operator: the client signs in as the platform's bootstrap operator
 * ({@code ESHKOLA_BOOTSTRAP_OPERATOR_LOGIN} and {@code _PASSWORD}, see {@link PlatformSignIn}) and sends its token.
 *
 * <p>Usage: {@code DemoRegion [journal base URL] [seed] [size] [applications base URL]}.
 */
public final class DemoRegion {

    private DemoRegion() {
    }

    public static void main(String[] args) throws Exception {
        String journal = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        String seed = args.length > 1 ? args[1] : "2026";
        String size = args.length > 2 ? args[2] : "1.0";
        String applications = args.length > 3 ? args[3] : "http://127.0.0.1:8083";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = new PlatformSignIn(applications, http).operator();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(journal
                        + "/api/v1/admin/demo-region?seed=" + seed + "&size=" + size))
                .header("Authorization", PlatformSignIn.bearer(token)).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofMinutes(20)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.err.println("demo region failed: " + response.statusCode() + " " + response.body());
            System.exit(1);
        }
        JsonNode s = JsonMapper.shared().readTree(response.body());
        String roster = String.format("demo region (seed %s): %d schools, %d classes, %d students, %d teachers",
                seed, s.get("schools").asInt(), s.get("classes").asInt(), s.get("students").asInt(),
                s.get("teachers").asInt());
        String took = Duration.parse(s.get("took").asString()).toMillis() / 100 / 10.0 + " s";
        if (LocalDate.parse(s.get("from").asString()).isAfter(LocalDate.parse(s.get("until").asString()))) {
            System.out.printf("%s; lessons already up to date (%s)%n", roster, took);
        } else {
            System.out.printf("%s; %d lessons with %d grades and %d absences added for %s..%s (%d not entered yet)"
                            + " in %s%n", roster, s.get("lessons").asInt(), s.get("grades").asInt(),
                    s.get("absences").asInt(), s.get("from").asString(), s.get("until").asString(),
                    s.get("notYetEntered").asInt(), took);
        }
    }
}
