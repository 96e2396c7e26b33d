package ru.eshkola.kit.contracts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.problems.ProblemException;

/**
 * Serves the event contracts a service owns, so that an integrator can work from them alone:
 * {@code /asyncapi.yaml}, {@code /schemas} (an index), {@code /schemas/<type>.json} (JSON Schema per event type)
 * and {@code /schemas/examples/<type>.json} (a valid example). The files live in the service's
 * {@code src/main/resources/contracts/}.
 */
@RestController
public class ContractsController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json");
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.json");

    @GetMapping("/asyncapi.yaml")
    ResponseEntity<Resource> asyncApi() {
        return serve(new ClassPathResource("contracts/asyncapi.yaml"), YAML, "AsyncAPI document", "asyncapi.yaml");
    }

    @GetMapping(path = "/schemas", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> index() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:contracts/schemas/*.json");
        List<Map<String, String>> types = new ArrayList<>();
        Arrays.stream(files).map(Resource::getFilename).sorted(Comparator.naturalOrder()).forEach(file -> {
            String type = file.substring(0, file.length() - ".json".length());
            boolean example = new ClassPathResource("contracts/examples/" + file).exists();
            types.add(example
                    ? Map.of("type", type, "schema", "/schemas/" + file, "example", "/schemas/examples/" + file)
                    : Map.of("type", type, "schema", "/schemas/" + file));
        });
        return Map.of("asyncapi", "/asyncapi.yaml", "eventTypes", types);
    }

    @GetMapping("/schemas/{file}")
    ResponseEntity<Resource> schema(@PathVariable String file) {
        return serve(resource("contracts/schemas/", file), SCHEMA, "schema", file);
    }

    @GetMapping("/schemas/examples/{file}")
    ResponseEntity<Resource> example(@PathVariable String file) {
        return serve(resource("contracts/examples/", file), MediaType.APPLICATION_JSON, "example", file);
    }

    private static Resource resource(String folder, String file) {
        if (!FILE.matcher(file).matches()) {
            throw ProblemException.notFound("schema", file);
        }
        return new ClassPathResource(folder + file);
    }

    private static ResponseEntity<Resource> serve(Resource resource, MediaType type, String what, String name) {
        if (!resource.exists()) {
            throw ProblemException.notFound(what, name);
        }
        return ResponseEntity.ok().contentType(type).body(resource);
    }
}
