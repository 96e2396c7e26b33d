package ru.eshkola.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production deployment files ({@code deploy/compose}, {@code deploy/k8s}, {@code deploy/observability}) read
 * as structure. No Docker engine or Kubernetes cluster runs them here, so this is what keeps a port, a probe path, a
 * replica-set URI or a kustomization entry from drifting unnoticed.
 */
class DeploymentFilesTests {

    record Service(String name, int port) {
        String id() {
            return name + "-service";
        }

        @Override
        public String toString() {
            return id();
        }
    }

    static final List<Service> SERVICES = List.of(new Service("journal", 8081), new Service("diary", 8082),
            new Service("applications", 8083), new Service("notification", 8084), new Service("monitoring", 8085));

    static final Path ROOT = root();
    static final Path COMPOSE_DIR = ROOT.resolve("deploy/compose");
    static final Path K8S_DIR = ROOT.resolve("deploy/k8s");
    static final Path OBSERVABILITY_DIR = ROOT.resolve("deploy/observability");
    static final JsonMapper JSON = JsonMapper.shared();

    static Stream<Service> services() {
        return SERVICES.stream();
    }

    // --- every YAML file ----------------------------------------------------------------------------------------

    @Test
    void everyYamlFileOfTheDeploymentParsesIntoMappings() {
        List<Path> files = yamlFiles(COMPOSE_DIR, K8S_DIR, OBSERVABILITY_DIR);
        assertThat(files).as("YAML files under deploy/compose, deploy/k8s, deploy/observability")
                .hasSizeGreaterThanOrEqualTo(13);
        for (Path file : files) {
            List<Object> documents = documents(file);
            assertThat(documents).as(ROOT.relativize(file) + " documents").isNotEmpty();
            assertThat(documents).as(ROOT.relativize(file) + ": every document is a mapping")
                    .allSatisfy(document -> assertThat(document).isInstanceOf(Map.class));
        }
    }

    // --- docker compose -----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void composeBuildsEachServiceWithAReplicaSetUriThreeReplicasAndItsPublishedPort(Service service) {
        Map<String, Object> compose = composeServices();
        Map<String, Object> definition = composeServiceBuilt(service);

        Map<String, Object> build = map(definition.get("build"));
        assertThat(COMPOSE_DIR.resolve(string(build.get("context"))).normalize()).as("build context")
                .isEqualTo(ROOT);
        assertThat(ROOT.resolve(string(build.get("dockerfile")))).as("Dockerfile").isRegularFile();
        assertThat(string(map(build.get("args")).get("PORT"))).as("PORT build argument")
                .isEqualTo(String.valueOf(service.port()));

        Map<String, String> env = environment(definition);
        String mongo = env.get("MONGODB_URI");
        assertThat(mongo).as("MONGODB_URI").startsWith("mongodb://")
                .contains("/" + service.name() + "?").contains("replicaSet=rs0").contains("w=majority");
        for (String host : hosts(mongo.substring("mongodb://".length(), mongo.indexOf('/', "mongodb://".length())))) {
            assertThat(compose).as("MongoDB host " + host + " is a compose service").containsKey(host);
        }
        assertThat(env.get("KAFKA_REPLICATION_FACTOR")).as("KAFKA_REPLICATION_FACTOR").isEqualTo("3");
        List<String> brokers = hosts(env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(brokers).as("KAFKA_BOOTSTRAP_SERVERS").hasSize(3);
        assertThat(compose).as("brokers are compose services").containsKeys(brokers.toArray(String[]::new));
        assertThat(env.get("SERVER_PORT")).as("SERVER_PORT").isEqualTo(String.valueOf(service.port()));
        assertThat(env.get("LOGGING_STRUCTURED_FORMAT_CONSOLE")).as("JSON logs").isEqualTo("ecs");

        assertThat(portMappings(definition)).as("published port : container port")
                .containsExactly(service.port() + ":" + service.port());
        assertThat(map(definition.get("depends_on"))).as("depends_on").containsKey("mongo-init");
        assertThat(string(map(map(definition.get("depends_on")).get("mongo-init")).get("condition")))
                .as("waits for the replica set to be initiated").isEqualTo("service_completed_successfully");
        assertThat(definition.get("restart")).as("restart policy").isNotNull();
    }

    @Test
    void composePublishesOnlyTheServicesHttpPortsPrometheusAndGrafana() {
        Map<String, Object> compose = composeServices();
        Set<String> published = new TreeSet<>();
        compose.forEach((name, definition) -> portMappings(map(definition))
                .forEach(mapping -> published.add(name + "=" + mapping.substring(0, mapping.indexOf(':')))));
        Set<String> expected = new TreeSet<>();
        for (Service service : SERVICES) {
            expected.add(composeServiceName(service) + "=" + service.port());
        }
        expected.add("prometheus=9090");
        expected.add("grafana=3000");
        assertThat(published).isEqualTo(expected);
    }

    @Test
    void composeRunsAThreeNodeKraftClusterWithReplicationThreeAndMinInsyncTwo() {
        Map<String, Map<String, Object>> kafka = composeServicesWithImage("apache/kafka:");
        assertThat(kafka).as("Kafka nodes").hasSize(3);
        Set<String> nodeIds = new HashSet<>();
        Set<String> clusterIds = new HashSet<>();
        for (var node : kafka.entrySet()) {
            Map<String, String> env = environment(node.getValue());
            assertThat(env.get("KAFKA_PROCESS_ROLES")).as(node.getKey() + " roles").isEqualTo("broker,controller");
            assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR")).as(node.getKey()).isEqualTo("3");
            assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS")).as(node.getKey()).isEqualTo("2");
            assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).as(node.getKey()).isEqualTo("3");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as(node.getKey() + " advertises its own name")
                    .contains("//" + node.getKey() + ":9092");
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            clusterIds.add(env.get("CLUSTER_ID"));
            Set<String> voters = Set.of(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","));
            assertThat(voters).as(node.getKey() + " controller quorum")
                    .containsExactlyInAnyOrderElementsOf(kafka.keySet().stream()
                            .map(name -> environment(kafka.get(name)).get("KAFKA_NODE_ID") + "@" + name + ":9093")
                            .toList());
            assertNamedVolumeMounted(node.getKey(), node.getValue(), env.get("KAFKA_LOG_DIRS"));
        }
        assertThat(nodeIds).as("node ids").containsExactlyInAnyOrder("1", "2", "3");
        assertThat(clusterIds).as("one cluster id").hasSize(1).doesNotContainNull();
    }

    @Test
    void composeRunsAThreeMemberReplicaSetInitiatedByAOneShotService() throws IOException {
        Map<String, Map<String, Object>> mongo = composeServicesWithImage("mongo:");
        Map<String, Object> init = map(composeServices().get("mongo-init"));
        assertThat(init).as("mongo-init service").isNotEmpty();
        Map<String, Map<String, Object>> members = new LinkedHashMap<>(mongo);
        members.remove("mongo-init");
        assertThat(members).as("replica set members").hasSize(3);
        for (var member : members.entrySet()) {
            List<String> command = strings(member.getValue().get("command"));
            assertThat(command).as(member.getKey() + " command").containsSequence("--replSet", "rs0");
            assertNamedVolumeMounted(member.getKey(), member.getValue(), "/data/db");
        }
        assertThat(map(init.get("depends_on"))).as("mongo-init waits for the members")
                .containsOnlyKeys(members.keySet());
        assertThat(string(init.get("restart"))).as("one-shot").isEqualTo("no");
        Path script = bindMountSources(init).stream().filter(p -> p.toString().endsWith(".js")).findFirst()
                .orElseThrow(() -> new AssertionError("mongo-init mounts no script"));
        String js = Files.readString(script);
        assertThat(js).contains("rs.initiate(").contains("NotYetInitialized").contains("\"rs0\"");
        for (String member : members.keySet()) {
            assertThat(js).as("script names member " + member).contains("\"" + member + ":27017\"");
        }
    }

    @Test
    void composeMountsOnlyFilesThatExist() {
        composeServices().forEach((name, definition) -> assertThat(bindMountSources(map(definition)))
                .as(name + " bind mounts").allSatisfy(source -> assertThat(source).exists()));
    }

    @Test
    void composeTakesTheMailRelayFromRequiredVariables() {
        Map<String, String> env = environment(composeServiceBuilt(service("notification")));
        for (String key : List.of("SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME",
                "SPRING_MAIL_PASSWORD")) {
            assertThat(env.get(key)).as(key).matches("\\$\\{SMTP_[A-Z]+:\\?.+}");
        }
    }

    @Test
    void dockerfileBuildsOneNonRootImagePerServiceFromTheLayeredJar() throws IOException {
        String dockerfile = Files.readString(COMPOSE_DIR.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ARG SERVICE")
                .contains("COPY ${SERVICE}-service/target/${SERVICE}-service.jar")
                .contains("-Djarmode=tools").contains("extract --layers")
                .contains("-XX:MaxRAMPercentage=75").contains("JAVA_OPTS").contains("EXPOSE ${PORT}")
                .containsPattern("(?m)^USER [1-9][0-9]*")
                .containsPattern("eclipse-temurin:25\\.[0-9]+\\.[0-9]+_[0-9]+-jre");
        assertThat(dockerfile).as("no AOT training in the image").doesNotContain("AOTCacheOutput");
    }

    // --- Kubernetes ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void kubernetesRunsEachServiceOnItsPortWithActuatorProbesAndAReadOnlyRootFileSystem(Service service) {
        Map<String, Object> deployment = k8s("Deployment", service.id());
        Map<String, Object> spec = map(deployment.get("spec"));
        assertThat(spec.get("replicas")).as("replicas").isEqualTo(2);
        Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
        Map<String, Object> container = onlyContainer(pod);

        assertThat(string(container.get("image"))).startsWith("ghcr.io/eshkola/" + service.id() + ":");
        assertThat(list(container.get("ports")).stream().map(p -> map(p).get("containerPort")))
                .as("container port").containsExactly(service.port());
        assertThat(env(container)).as("env").containsEntry("SERVER_PORT", String.valueOf(service.port()))
                .hasEntrySatisfying("JAVA_OPTS", opts -> assertThat(opts).contains("-XX:MaxRAMPercentage=75"));

        Map<String, Object> liveness = httpGet(container, "livenessProbe");
        Map<String, Object> readiness = httpGet(container, "readinessProbe");
        assertThat(liveness.get("path")).as("liveness path").isEqualTo("/actuator/health/liveness");
        assertThat(readiness.get("path")).as("readiness path").isEqualTo("/actuator/health/readiness");
        assertThat(port(container, liveness.get("port"))).as("liveness port").isEqualTo(service.port());
        assertThat(port(container, readiness.get("port"))).as("readiness port").isEqualTo(service.port());
        assertThat(port(container, httpGet(container, "startupProbe").get("port"))).as("startup probe port")
                .isEqualTo(service.port());

        Map<String, Object> security = map(container.get("securityContext"));
        assertThat(security.get("readOnlyRootFilesystem")).as("readOnlyRootFilesystem").isEqualTo(true);
        assertThat(security.get("allowPrivilegeEscalation")).as("allowPrivilegeEscalation").isEqualTo(false);
        assertThat(strings(map(security.get("capabilities")).get("drop"))).as("dropped capabilities")
                .contains("ALL");
        assertThat(map(pod.get("securityContext")).get("runAsNonRoot")).as("runAsNonRoot").isEqualTo(true);
        String tmpVolume = list(container.get("volumeMounts")).stream().map(DeploymentFilesTests::map)
                .filter(mount -> "/tmp".equals(mount.get("mountPath"))).map(mount -> string(mount.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no volume mounted on /tmp"));
        assertThat(list(pod.get("volumes")).stream().map(DeploymentFilesTests::map)
                .filter(volume -> tmpVolume.equals(volume.get("name")))).as("/tmp is an emptyDir")
                .singleElement().satisfies(volume -> assertThat(volume).containsKey("emptyDir"));

        assertThat(pod.get("terminationGracePeriodSeconds")).as("termination grace").isEqualTo(40);
        assertThat(map(map(container.get("lifecycle")).get("preStop"))).as("preStop").isNotEmpty();
        assertThat(map(map(container.get("resources")).get("limits"))).as("limits").containsKeys("cpu", "memory");
        assertThat(map(map(container.get("resources")).get("requests"))).as("requests")
                .containsKeys("cpu", "memory");
        assertThat(map(map(map(spec.get("template")).get("metadata")).get("annotations")))
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(service.port()))
                .containsEntry("prometheus.io/path", "/actuator/prometheus");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void kubernetesGivesEachServiceItsConfigMapAndAReplicaSetUriFromASecret(Service service) {
        Map<String, Object> container = onlyContainer(
                map(map(map(k8s("Deployment", service.id()).get("spec")).get("template")).get("spec")));
        List<String> configMaps = envFrom(container, "configMapRef");
        assertThat(configMaps).as("config maps").contains("eshkola-common");
        Map<String, String> secretKeys = new LinkedHashMap<>();
        for (String secret : envFrom(container, "secretRef")) {
            secretKeys.putAll(stringMap(k8s("Secret", secret).get("stringData")));
        }
        assertThat(secretKeys.get("MONGODB_URI")).as("MONGODB_URI from a secret").isNotNull()
                .contains("/" + service.name() + "?").contains("replicaSet=").contains("w=majority");
        if (service.name().equals("notification")) {
            assertThat(secretKeys).as("SMTP relay from a secret").containsKeys("SPRING_MAIL_HOST",
                    "SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void kubernetesServiceAndDisruptionBudgetSelectEachDeploymentsPods(Service service) {
        Map<String, Object> deployment = k8s("Deployment", service.id());
        Map<String, Object> template = map(map(deployment.get("spec")).get("template"));
        Map<String, String> podLabels = stringMap(map(template.get("metadata")).get("labels"));
        Map<String, Object> container = onlyContainer(map(template.get("spec")));
        assertThat(podLabels).as("the Deployment selects its own pods")
                .containsAllEntriesOf(stringMap(map(map(deployment.get("spec")).get("selector")).get("matchLabels")));

        List<Map<String, Object>> selectingServices = k8sOfKind("Service").stream()
                .filter(s -> selects(stringMap(map(s.get("spec")).get("selector")), podLabels)).toList();
        assertThat(selectingServices).as("Services selecting " + service.id()).singleElement().satisfies(s -> {
            Map<String, Object> serviceSpec = map(s.get("spec"));
            assertThat(string(serviceSpec.getOrDefault("type", "ClusterIP"))).isEqualTo("ClusterIP");
            assertThat(list(serviceSpec.get("ports")).stream().map(p -> port(container, map(p).get("targetPort"))))
                    .as("target port").contains(service.port());
        });

        List<Map<String, Object>> budgets = k8sOfKind("PodDisruptionBudget").stream()
                .filter(b -> selects(stringMap(map(map(b.get("spec")).get("selector")).get("matchLabels")),
                        podLabels))
                .toList();
        assertThat(budgets).as("PodDisruptionBudgets selecting " + service.id()).singleElement()
                .satisfies(b -> assertThat(map(b.get("spec")).get("minAvailable")).isEqualTo(1));
    }

    @Test
    void kubernetesSharedConfigMapCarriesProductionKafkaAndLoggingSettings() {
        Map<String, String> data = stringMap(k8s("ConfigMap", "eshkola-common").get("data"));
        assertThat(data).containsEntry("KAFKA_REPLICATION_FACTOR", "3").containsEntry("KAFKA_TOPIC_PARTITIONS", "6")
                .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                .containsEntry("SWAGGER_UI_ENABLED", "false").containsKey("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void kustomizationListsEveryResourceFileOfTheBaseAndNoMissingOne() {
        Map<String, Object> kustomization = single(K8S_DIR.resolve("kustomization.yaml"));
        assertThat(kustomization.get("namespace")).isEqualTo("eshkola");
        List<String> listed = strings(kustomization.get("resources"));
        Set<String> present = yamlFiles(K8S_DIR).stream().map(file -> K8S_DIR.relativize(file).toString())
                .filter(name -> !name.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("resources listed in kustomization.yaml").doesNotHaveDuplicates()
                .allSatisfy(file -> assertThat(K8S_DIR.resolve(file)).as(file).isRegularFile());
        assertThat(new TreeSet<>(listed)).as("resources listed = resource files in deploy/k8s").isEqualTo(present);
        assertThat(k8s("Namespace", "eshkola")).isNotEmpty();
    }

    // --- observability -----------------------------------------------------------------------------------------

    @Test
    void prometheusScrapesEveryServicesActuatorEndpointByItsComposeName() {
        Path file = OBSERVABILITY_DIR.resolve("prometheus.yml");
        Map<String, Object> prometheus = single(file);
        Set<String> targets = new TreeSet<>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            if (!"/actuator/prometheus".equals(map(job).get("metrics_path"))) {
                continue;
            }
            for (Object config : list(map(job).get("static_configs"))) {
                targets.addAll(strings(map(config).get("targets")));
            }
        }
        for (Service service : SERVICES) {
            assertThat(targets).as("/actuator/prometheus targets")
                    .contains(composeServiceName(service) + ":" + service.port());
        }
        assertThat(strings(prometheus.get("rule_files"))).isNotEmpty()
                .allSatisfy(rules -> assertThat(file.resolveSibling(rules)).isRegularFile());
    }

    @Test
    void alertRulesWatchDeadLettersOutboxLagPublishFailuresAndDownServices() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : list(single(OBSERVABILITY_DIR.resolve("alerts.yml")).get("groups"))) {
            list(map(group).get("rules")).forEach(rule -> rules.add(map(rule)));
        }
        assertThat(rules).allSatisfy(rule -> {
            assertThat(string(rule.get("alert"))).isNotBlank();
            assertThat(string(rule.get("expr"))).isNotBlank();
            assertThat(map(rule.get("annotations"))).containsKey("summary");
        });
        List<String> expressions = rules.stream().map(rule -> string(rule.get("expr"))).toList();
        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("increase(eshkola_events_dead_lettered_total"));
        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("eshkola_outbox_failures_total"));
        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("eshkola_outbox_queued"));
        assertThat(expressions).anySatisfy(e -> assertThat(e).containsPattern("\\bup\\b.*== 0"));
        assertThat(rules).anySatisfy(rule -> {
            assertThat(string(rule.get("expr"))).contains("eshkola_outbox_lag_seconds{quantile=\"0.99\"}")
                    .containsPattern("> 5$");
            assertThat(rule.get("for")).isEqualTo("5m");
        });
    }

    @Test
    void grafanaDashboardParsesAndEveryPanelQueriesTheProvisionedPrometheus() throws IOException {
        Path dashboards = OBSERVABILITY_DIR.resolve("grafana/dashboards");
        Map<String, Object> datasource = map(list(single(
                OBSERVABILITY_DIR.resolve("grafana/provisioning/datasources/prometheus.yml")).get("datasources"))
                .getFirst());
        assertThat(datasource.get("type")).isEqualTo("prometheus");
        JsonNode dashboard = JSON.readTree(Files.readString(dashboards.resolve("eshkola-platform.json")));
        List<JsonNode> panels = new ArrayList<>();
        collectPanels(dashboard.path("panels"), panels);
        assertThat(panels).as("panels").hasSizeGreaterThanOrEqualTo(8);
        for (JsonNode panel : panels) {
            String title = panel.path("title").asString();
            assertThat(panel.path("targets").values()).as(title + ": queries").isNotEmpty()
                    .allSatisfy(target -> assertThat(target.path("expr").asString()).as(title + ": expr")
                            .isNotBlank());
            assertThat(panel.path("datasource").path("uid").asString()).as(title + ": data source")
                    .isEqualTo(datasource.get("uid"));
        }
        String queries = panels.stream().flatMap(p -> p.path("targets").values().stream())
                .map(t -> t.path("expr").asString()).collect(Collectors.joining("\n"));
        assertThat(queries).contains("eshkola_outbox_published_total", "eshkola_outbox_lag_seconds",
                "eshkola_outbox_queued", "eshkola_events_consumed_total", "eshkola_events_dead_lettered_total",
                "jvm_memory_used_bytes", "http_server_requests_seconds_count");

        // the dashboards provider reads the directory compose mounts the dashboards into
        Map<String, Object> provider = map(list(single(
                OBSERVABILITY_DIR.resolve("grafana/provisioning/dashboards/dashboards.yml")).get("providers"))
                .getFirst());
        String path = string(map(provider.get("options")).get("path"));
        assertThat(strings(map(composeServices().get("grafana")).get("volumes")))
                .contains(COMPOSE_DIR.relativize(dashboards).toString().replace('\\', '/') + ":" + path + ":ro");
    }

    // --- reading -------------------------------------------------------------------------------------------------

    static Path root() {
        String configured = System.getProperty("platform.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/compose"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with deploy/compose at or above " + start);
    }

    static List<Path> yamlFiles(Path... dirs) {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static List<Object> documents(Path file) {
        try {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            List<Object> documents = new ArrayList<>();
            for (Object document : yaml.loadAll(Files.readString(file))) {
                if (document != null) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (YAMLException e) {
            throw new AssertionError(ROOT.relativize(file) + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> single(Path file) {
        List<Object> documents = documents(file);
        assertThat(documents).as(ROOT.relativize(file) + " documents").hasSize(1);
        return map(documents.getFirst());
    }

    static Map<String, Object> composeServices() {
        return map(single(COMPOSE_DIR.resolve("docker-compose.yml")).get("services"));
    }

    static String composeServiceName(Service service) {
        return composeServices().entrySet().stream()
                .filter(e -> service.name().equals(map(map(map(e.getValue()).get("build")).get("args")).get("SERVICE")))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no compose service built with SERVICE=" + service.name()));
    }

    static Map<String, Object> composeServiceBuilt(Service service) {
        List<Map<String, Object>> built = composeServices().values().stream().map(DeploymentFilesTests::map)
                .filter(d -> service.name().equals(map(map(d.get("build")).get("args")).get("SERVICE"))).toList();
        assertThat(built).as("compose services built with SERVICE=" + service.name()).hasSize(1);
        return built.getFirst();
    }

    static Map<String, Map<String, Object>> composeServicesWithImage(String prefix) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        composeServices().forEach((name, definition) -> {
            if (string(map(definition).get("image")).startsWith(prefix)) {
                found.put(name, map(definition));
            }
        });
        return found;
    }

    /** {@code environment:} as a mapping or as a list of {@code KEY=value}. */
    static Map<String, String> environment(Map<String, Object> definition) {
        Object environment = definition.get("environment");
        if (environment instanceof List<?> entries) {
            Map<String, String> env = new LinkedHashMap<>();
            for (Object entry : entries) {
                String[] kv = string(entry).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            return env;
        }
        return stringMap(environment);
    }

    /** Each {@code ports:} entry as {@code published:container} (short syntax, host address dropped). */
    static List<String> portMappings(Map<String, Object> definition) {
        List<String> mappings = new ArrayList<>();
        for (Object entry : list(definition.get("ports"))) {
            if (entry instanceof Map<?, ?> longSyntax) {
                mappings.add(longSyntax.get("published") + ":" + longSyntax.get("target"));
            } else {
                String[] parts = string(entry).replaceAll("/(tcp|udp)$", "").split(":");
                assertThat(parts.length).as("port mapping " + entry + " names both ports").isGreaterThanOrEqualTo(2);
                mappings.add(parts[parts.length - 2] + ":" + parts[parts.length - 1]);
            }
        }
        return mappings;
    }

    static List<Path> bindMountSources(Map<String, Object> definition) {
        return strings(definition.get("volumes")).stream().filter(v -> v.startsWith(".") || v.startsWith("/"))
                .map(v -> COMPOSE_DIR.resolve(v.substring(0, v.indexOf(':'))).normalize()).toList();
    }

    static void assertNamedVolumeMounted(String service, Map<String, Object> definition, String target) {
        Map<String, Object> declared = map(single(COMPOSE_DIR.resolve("docker-compose.yml")).get("volumes"));
        assertThat(strings(definition.get("volumes"))).as(service + " keeps " + target + " in a named volume")
                .anySatisfy(volume -> {
                    String[] parts = volume.split(":");
                    assertThat(parts[1]).isEqualTo(target);
                    assertThat(declared).containsKey(parts[0]);
                });
    }

    static List<String> hosts(String commaSeparated) {
        return Stream.of(commaSeparated.split(",")).map(hostPort -> hostPort.trim().split(":")[0]).toList();
    }

    static List<Map<String, Object>> k8sOfKind(String kind) {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Path file : yamlFiles(K8S_DIR)) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            documents(file).stream().map(DeploymentFilesTests::map).filter(r -> kind.equals(r.get("kind")))
                    .forEach(resources::add);
        }
        return resources;
    }

    static Map<String, Object> k8s(String kind, String name) {
        List<Map<String, Object>> found = k8sOfKind(kind).stream()
                .filter(r -> name.equals(map(r.get("metadata")).get("name"))).toList();
        assertThat(found).as(kind + " " + name + " in deploy/k8s").hasSize(1);
        return found.getFirst();
    }

    static Map<String, Object> onlyContainer(Map<String, Object> podSpec) {
        List<Object> containers = list(podSpec.get("containers"));
        assertThat(containers).as("containers").hasSize(1);
        return map(containers.getFirst());
    }

    static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object entry : list(container.get("env"))) {
            env.put(string(map(entry).get("name")), string(map(entry).get("value")));
        }
        return env;
    }

    static List<String> envFrom(Map<String, Object> container, String refKind) {
        return list(container.get("envFrom")).stream().map(entry -> map(map(entry).get(refKind)))
                .filter(ref -> !ref.isEmpty()).map(ref -> string(ref.get("name"))).toList();
    }

    static Map<String, Object> httpGet(Map<String, Object> container, String probe) {
        Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
        assertThat(httpGet).as(probe + ".httpGet").isNotEmpty();
        return httpGet;
    }

    /** A probe's or Service's port: a number, or the name of one of the container's ports. */
    static int port(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        return list(container.get("ports")).stream().map(DeploymentFilesTests::map)
                .filter(p -> Objects.equals(p.get("name"), port)).map(p -> (Integer) p.get("containerPort"))
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + port));
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    static void collectPanels(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels.values()) {
            if ("row".equals(panel.path("type").asString())) {
                collectPanels(panel.path("panels"), into);
            } else {
                into.add(panel);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        assertThat(value).as("a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        assertThat(value).as("a list").isInstanceOf(List.class);
        return (List<Object>) value;
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(DeploymentFilesTests::string).toList();
    }

    static Map<String, String> stringMap(Object value) {
        Map<String, String> strings = new LinkedHashMap<>();
        map(value).forEach((key, v) -> strings.put(key, string(v)));
        return strings;
    }

    static String string(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
