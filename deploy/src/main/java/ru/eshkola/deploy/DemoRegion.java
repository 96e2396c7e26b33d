package ru.eshkola.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo region into a running platform through the services' public APIs, as an operator would: the
 * nine schools of Нижнетуринский городской округ named in seed 003. Idempotent: schools already registered
 * (same code) are left alone, so every start of the local platform may run it.
 *
 * <p>Usage: {@code DemoRegion <demo folder> [journal base URL]}.
 */
public final class DemoRegion {

    static final String MUNICIPALITY_ID = "ntgo";
    static final String MUNICIPALITY = "Нижнетуринский городской округ";
    static final String TIME_ZONE = "Asia/Yekaterinburg";

    private DemoRegion() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "deploy/local/demo");
        String journal = args.length > 1 ? args[1] : "http://127.0.0.1:8081";
        int[] result = load(folder, journal);
        System.out.printf("demo region: %d schools registered, %d already present%n", result[0], result[1]);
    }

    static int[] load(Path folder, String journal) throws IOException, InterruptedException {
        JsonMapper json = JsonMapper.shared();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int created = 0;
        int present = 0;
        for (JsonNode school : json.readTree(Files.readString(folder.resolve("schools.json")))) {
            ObjectNode body = ((ObjectNode) school).deepCopy();
            body.putObject("municipality").put("id", MUNICIPALITY_ID).put("name", MUNICIPALITY);
            body.put("timeZone", TIME_ZONE);
            body.put("platform", "eshkola");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(journal + "/api/v1/schools"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            switch (response.statusCode()) {
                case 201 -> created++;
                case 409 -> present++;
                default -> throw new IllegalStateException("registering " + school.get("code").asString()
                        + " failed: " + response.statusCode() + " " + response.body());
            }
        }
        return new int[] {created, present};
    }
}
