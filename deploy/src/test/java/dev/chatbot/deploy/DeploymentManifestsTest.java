package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chatbot.config.ChatbotConfig;
import dev.chatbot.spi.Settings;
import dev.chatbot.server.ChatbotServer;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.testkit.TestServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, the Kubernetes manifests and config.example.yaml agree with the code: ports, probe paths that
 * answer on a running server, variable names the server knows, the jar the build makes.
 */
class DeploymentManifestsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path K8S = Path.of("k8s");
  private static final Path DOCKERFILE = Path.of("Dockerfile");
  private static final Path CONFIG_EXAMPLE = Path.of("config.example.yaml");
  private static final Path SECRETS_EXAMPLE = K8S.resolve("secrets.env.example");
  private static final Path HEALTHCHECK_SCRIPT = Path.of("healthcheck.sh");

  private static List<JsonNode> manifests;
  private static Set<String> knownVariables;

  @BeforeAll
  static void read() throws IOException {
    manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(K8S)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
          YAML.readValues(parser, JsonNode.class).readAll().stream().filter(JsonNode::isObject).forEach(manifests::add);
        }
      }
    }
    knownVariables = variablesOf(Usage.TEXT);
  }

  /** The names in the "Variables:" part of {@code --help}: the first column, comma-separated. */
  static Set<String> variablesOf(String usage) {
    Set<String> names = new TreeSet<>();
    String variables = usage.substring(usage.indexOf("Variables:"));
    Pattern column = Pattern.compile("^\\s+([A-Z][A-Z0-9_]*(?:, [A-Z][A-Z0-9_]*)*)(?:\\s{2,}.*)?$", Pattern.MULTILINE);
    Matcher matcher = column.matcher(variables);
    while (matcher.find()) {
      names.addAll(List.of(matcher.group(1).split(", ")));
    }
    return names;
  }

  @Test
  void helpListsTheVariablesOfSpec() {
    assertThat(knownVariables).contains("HTTP_HOST", "HTTP_PORT", "TLS_CERT_PATH", "TLS_KEY_PATH", "ADMIN_API_TOKEN",
        "MESSENGER_VERIFY_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "SLACK_BOT_TOKEN", "STATE_STORE", "CLUSTER_MEMBERS",
        "CLUSTER_KUBERNETES_SERVICE", "BOT", "PUBLIC_BASE_URL", "SHUTDOWN_GRACE_SECONDS");
  }

  @Test
  void everyAdapterVariableIsInHelp() {
    for (PlatformAdapter adapter : ServiceLoader.load(PlatformAdapter.class)) {
      if (!List.of("test", RefusingAdapter.PLATFORM).contains(adapter.platform())) {
        assertThat(knownVariables).as("--help for adapter %s", adapter.platform()).containsAll(adapter.variables());
      }
    }
  }

  @Test
  void configExampleHasExactlyTheKnownVariables() throws IOException {
    JsonNode config = YAML.readTree(CONFIG_EXAMPLE.toFile());
    Set<String> keys = new TreeSet<>();
    config.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isEqualTo(knownVariables);
  }

  @Test
  void configExampleStartsTheServerAsItIs() throws Exception {
    Map<String, String> env = Map.of("HTTP_HOST", "127.0.0.1", "HTTP_PORT", String.valueOf(TestServer.freePort()),
        "BOT", "echo", "DATA_DIR", java.nio.file.Files.createTempDirectory("chatbot-data").toString());
    ChatbotServer server = ChatbotServer.start(CONFIG_EXAMPLE.toString(), env)
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try {
      assertThat(server.config().tls()).isFalse();
      assertThat(server.config().adminApiToken()).isNull();
      assertThat(server.config().stateStore()).isEqualTo("file");
    } finally {
      server.shutdown().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void manifestsUseOnlyVariablesTheServerKnows() {
    Set<String> used = new LinkedHashSet<>();
    of("ConfigMap").forEach(map -> map.path("data").fieldNames().forEachRemaining(used::add));
    used.addAll(exampleSecretKeys());
    container().path("env").forEach(env -> used.add(env.path("name").asText()));
    assertThat(used).isNotEmpty();
    assertThat(knownVariables).containsAll(used);

    Set<String> configMaps = names("ConfigMap");
    Set<String> secrets = new TreeSet<>();
    kustomization().path("secretGenerator").forEach(generator -> secrets.add(generator.path("name").asText()));
    container().path("envFrom").forEach(source -> {
      if (source.has("configMapRef")) {
        assertThat(configMaps).contains(source.at("/configMapRef/name").asText());
      }
      if (source.has("secretRef")) {
        assertThat(secrets).contains(source.at("/secretRef/name").asText());
      }
    });
    assertThat(container().path("envFrom").size()).isEqualTo(2);
  }

  @Test
  void portsAgreeWithTheDefaultHttpPort() throws IOException {
    int defaultPort = ChatbotConfig.from(Settings.of(Map.of())).httpPort();
    assertThat(defaultPort).isEqualTo(8080);
    Map<String, Integer> containerPorts = containerPorts();
    assertThat(containerPorts).containsEntry("http", defaultPort);
    assertThat(of("ConfigMap").get(0).at("/data/HTTP_PORT").asText()).isEqualTo(String.valueOf(defaultPort));

    JsonNode service = named("Service", "chatbot");
    String targetPort = service.at("/spec/ports/0/targetPort").asText();
    assertThat(containerPorts).containsKey(targetPort);
    assertThat(service.at("/spec/selector")).isEqualTo(deployment().at("/spec/template/metadata/labels"));

    JsonNode backend = of("Ingress").get(0).at("/spec/rules/0/http/paths/0/backend/service");
    assertThat(backend.path("name").asText()).isEqualTo("chatbot");
    assertThat(service.at("/spec/ports/0/name").asText()).isEqualTo(backend.at("/port/name").asText());

    String dockerfile = Files.readString(DOCKERFILE);
    assertThat(instruction(dockerfile, "EXPOSE")).containsExactly(String.valueOf(defaultPort));
    assertThat(dockerfile).contains("HTTP_PORT=" + defaultPort);
  }

  @Test
  void probesPointAtEndpointsThatAnswerOnTheRunningServer() {
    JsonNode container = container();
    Map<String, Integer> ports = containerPorts();
    List<String> paths = new ArrayList<>();
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      JsonNode httpGet = container.path(probe).path("httpGet");
      assertThat(httpGet.isObject()).as(probe).isTrue();
      assertThat(ports).containsKey(httpGet.path("port").asText());
      paths.add(httpGet.path("path").asText());
    }
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
    // The probes ask the management port, where /metrics is too (and only there).
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
    assertThat(of("ConfigMap").get(0).at("/data/MANAGEMENT_PORT").asText())
        .isEqualTo(String.valueOf(ports.get("management")));
    int management = TestServer.freePort();
    try (TestServer server = TestServer.start(Map.of("BOT", "echo", "MANAGEMENT_PORT", String.valueOf(management)))) {
      for (String path : paths) {
        assertThat(Http.get("http://127.0.0.1:" + management + path).statusCode()).as(path).isEqualTo(200);
      }
      assertThat(Http.get("http://127.0.0.1:" + management + "/metrics").statusCode()).isEqualTo(200);
      assertThat(Http.get(server.url("/metrics")).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void terminationGraceOutlastsTheShutdownGrace() {
    int grace = deployment().at("/spec/template/spec/terminationGracePeriodSeconds").asInt();
    String configured = of("ConfigMap").get(0).at("/data/SHUTDOWN_GRACE_SECONDS").asText();
    long shutdownGrace = ChatbotConfig.from(Settings.of(configured.isEmpty() ? Map.of()
        : Map.of("SHUTDOWN_GRACE_SECONDS", configured))).shutdownGraceMillis() / 1000;
    JsonNode preStop = container().at("/lifecycle/preStop/exec/command");
    int pause = preStop.size() == 2 && preStop.get(0).asText().equals("sleep") ? preStop.get(1).asInt() : 0;
    assertThat(grace).isGreaterThan((int) shutdownGrace + pause);
  }

  @Test
  void containerRunsAsNonRootWithResourcesAndTheImagesUser() throws IOException {
    JsonNode pod = deployment().at("/spec/template/spec");
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(container().at("/resources/requests/memory").asText()).isNotBlank();
    assertThat(container().at("/resources/limits/memory").asText()).isNotBlank();
    List<String> user = instruction(Files.readString(DOCKERFILE), "USER");
    assertThat(user).hasSize(1);
    assertThat(user.get(0)).doesNotStartWith("root").doesNotStartWith("0");
    assertThat(user.get(0)).startsWith(pod.at("/securityContext/runAsUser").asText() + ":");
  }

  @Test
  void ingressTerminatesTlsForThePublicBaseUrl() {
    JsonNode ingress = of("Ingress").get(0);
    String host = ingress.at("/spec/rules/0/host").asText();
    assertThat(ingress.at("/spec/tls/0/hosts").toString()).contains(host);
    assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotBlank();
    URI publicBase = URI.create(of("ConfigMap").get(0).at("/data/PUBLIC_BASE_URL").asText());
    assertThat(publicBase.getScheme()).isEqualTo("https");
    assertThat(publicBase.getHost()).isEqualTo(host);
  }

  @Test
  void dockerfileBuildsAndRunsTheShadedJar() throws Exception {
    String dockerfile = Files.readString(DOCKERFILE);
    assertThat(instruction(dockerfile, "FROM")).containsExactly("maven:3-eclipse-temurin-17 AS build",
        "eclipse-temurin:17-jre");
    assertThat(dockerfile).contains("mvn -B -q package -DskipTests -Dcds.skip");

    String pom = Files.readString(Path.of("pom.xml"));
    Matcher output = Pattern.compile("<outputFile>\\$\\{project.build.directory}/([^<]+)</outputFile>").matcher(pom);
    assertThat(output.find()).isTrue();
    String jarName = output.group(1);
    assertThat(jarName).isEqualTo("chatbot.jar");

    List<String> copies = instruction(dockerfile, "COPY").stream().filter(copy -> copy.startsWith("--from=build")).toList();
    assertThat(copies).hasSize(1);
    String[] copy = copies.get(0).split("\\s+");
    assertThat(copy[1]).isEqualTo("/src/deploy/target/" + jarName);
    String jarInImage = copy[2];

    List<String> entrypoint = instruction(dockerfile, "ENTRYPOINT");
    assertThat(entrypoint).hasSize(1);
    JsonNode exec = new ObjectMapper().readTree(entrypoint.get(0));
    assertThat(exec.isArray()).as("exec form, so SIGTERM reaches java").isTrue();
    // The class data sharing archive is made in the runtime stage, with the JVM that uses it.
    String archive = jarInImage.replace(".jar", ".jsa");
    assertThat(exec.toString()).isEqualTo("[\"java\",\"-XX:SharedArchiveFile=" + archive + "\",\"-jar\",\"" + jarInImage + "\"]");
    assertThat(dockerfile).contains("-XX:ArchiveClassesAtExit=" + archive, "-cp " + jarInImage + " " + CdsTraining.class.getName());

    String healthcheck = instruction(dockerfile, "HEALTHCHECK").get(0);
    JsonNode check = new ObjectMapper().readTree(healthcheck.substring(healthcheck.indexOf("CMD ") + 4));
    assertThat(check.toString()).as("no JVM per check").isEqualTo("[\"/bin/bash\",\"/app/healthcheck.sh\"]");
    assertThat(instruction(dockerfile, "COPY")).contains("deploy/healthcheck.sh /app/healthcheck.sh");
    assertThat(Files.readString(HEALTHCHECK_SCRIPT)).contains(jarInImage, HealthCheck.class.getName());
  }

  @Test
  void theContainerHealthCheckScriptFollowsTheServer() throws Exception {
    int management = TestServer.freePort();
    try (TestServer server = TestServer.start(Map.of("BOT", "echo", "MANAGEMENT_PORT", String.valueOf(management)))) {
      assertThat(healthcheckScript(Map.of("HTTP_PORT", String.valueOf(server.port())))).isZero();
      assertThat(healthcheckScript(Map.of("HTTP_PORT", String.valueOf(TestServer.freePort()),
          "MANAGEMENT_PORT", String.valueOf(management)))).isZero();
    }
    assertThat(healthcheckScript(Map.of("HTTP_PORT", String.valueOf(TestServer.freePort())))).isNotZero();
  }

  private static int healthcheckScript(Map<String, String> env) throws Exception {
    ProcessBuilder bash = new ProcessBuilder("bash", HEALTHCHECK_SCRIPT.toString()).redirectErrorStream(true);
    bash.environment().keySet().removeIf(name -> name.startsWith("HTTP_") || name.equals("MANAGEMENT_PORT")
        || name.startsWith("TLS_"));
    bash.environment().putAll(env);
    Process process = bash.start();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  @Test
  void theJavaHealthCheckFollowsTheServer() {
    try (TestServer server = TestServer.start(Map.of("BOT", "echo"))) {
      assertThat(HealthCheck.check(Map.of("HTTP_PORT", String.valueOf(server.port())))).isTrue();
    }
    assertThat(HealthCheck.check(Map.of("HTTP_PORT", String.valueOf(TestServer.freePort())))).isFalse();
    assertThat(HealthCheck.url(Map.of())).hasToString("http://127.0.0.1:8080/health/live");
    assertThat(HealthCheck.url(Map.of("HTTP_PORT", "8443", "TLS_CERT_PATH", "/tls/tls.crt")))
        .hasToString("https://127.0.0.1:8443/health/live");
  }

  @Test
  void noCommittedSecretSwitchesAnAdapterOn() throws IOException {
    assertThat(of("Secret")).as("Secrets committed in k8s/").isEmpty();
    JsonNode generator = kustomization().at("/secretGenerator/0");
    assertThat(generator.path("name").asText()).isEqualTo("chatbot-secrets");
    assertThat(generator.at("/envs/0").asText()).isEqualTo("secrets.env");
    assertThat(Files.readString(K8S.resolve(".gitignore")).lines()).contains("secrets.env");
    List<String> assignments = Files.readAllLines(SECRETS_EXAMPLE).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    assertThat(assignments).as("every value in the example is commented out").isEmpty();
    // The example names every variable that switches a platform on, so the user has one place to fill in.
    Set<String> switches = new TreeSet<>(Set.of("ADMIN_API_TOKEN"));
    for (PlatformAdapter adapter : ServiceLoader.load(PlatformAdapter.class)) {
      if (!List.of("test", RefusingAdapter.PLATFORM).contains(adapter.platform())) {
        switches.addAll(adapter.variables());
      }
    }
    assertThat(exampleSecretKeys()).containsAll(switches);
    assertThat(kustomization().path("resources").toString()).doesNotContain("secret");
  }

  @Test
  void theIngressRoutesOnlyWhatTheOutsideNeeds() {
    List<String> paths = new ArrayList<>();
    of("Ingress").get(0).at("/spec/rules/0/http/paths").forEach(path -> {
      paths.add(path.path("path").asText());
      assertThat(path.at("/backend/service/name").asText()).isEqualTo("chatbot");
      assertThat(path.at("/backend/service/port/name").asText()).isEqualTo("http");
    });
    assertThat(paths).containsExactlyInAnyOrder("/webhooks", "/chat", "/docs", "/openapi.yaml", "/assets");
  }

  @Test
  void clusterPortsAnswerOnlyTheOtherReplicas() {
    JsonNode policy = named("NetworkPolicy", "chatbot");
    assertThat(policy.at("/spec/podSelector/matchLabels")).isEqualTo(deployment().at("/spec/template/metadata/labels"));
    Map<String, Integer> ports = containerPorts();
    boolean clusterRuleSeen = false;
    for (JsonNode rule : policy.at("/spec/ingress")) {
      List<String> rulePorts = new ArrayList<>();
      rule.path("ports").forEach(port -> rulePorts.add(port.path("port").asText()));
      assertThat(ports.keySet()).containsAll(rulePorts);
      if (rulePorts.contains("cluster") || rulePorts.contains("eventbus")) {
        clusterRuleSeen = true;
        assertThat(rulePorts).containsExactlyInAnyOrder("cluster", "eventbus");
        assertThat(rule.path("from")).hasSize(1);
        assertThat(rule.at("/from/0/podSelector/matchLabels"))
            .isEqualTo(deployment().at("/spec/template/metadata/labels"));
      }
      if (!rule.has("from")) {
        assertThat(rulePorts).as("open to all: the public port only").containsExactly("http");
      }
    }
    assertThat(clusterRuleSeen).isTrue();
  }

  @Test
  void disruptionsAndAutoscalingTakeOnePodAtATime() {
    JsonNode budget = named("PodDisruptionBudget", "chatbot");
    assertThat(budget.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    assertThat(budget.at("/spec/selector/matchLabels")).isEqualTo(deployment().at("/spec/template/metadata/labels"));
    JsonNode hpa = named("HorizontalPodAutoscaler", "chatbot");
    assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
    assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment().at("/metadata/name").asText());
    assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(kustomization().path("resources").toString()).contains("networkpolicy.yaml", "hpa.yaml");
  }

  @Test
  void clusterMembersAreSpreadOverNodes() {
    JsonNode spread = deployment().at("/spec/template/spec/topologySpreadConstraints");
    JsonNode byNode = null;
    for (JsonNode constraint : spread) {
      if ("kubernetes.io/hostname".equals(constraint.path("topologyKey").asText())) {
        byNode = constraint;
      }
    }
    assertThat(byNode).as("a spread constraint over kubernetes.io/hostname").isNotNull();
    assertThat(byNode.path("maxSkew").asInt()).isEqualTo(1);
    assertThat(byNode.path("whenUnsatisfiable").asText()).isEqualTo("DoNotSchedule");
    assertThat(byNode.at("/labelSelector/matchLabels")).isEqualTo(deployment().at("/spec/template/metadata/labels"));
  }

  private static JsonNode kustomization() {
    try {
      return YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The variable names in k8s/secrets.env.example, commented out ({@code #NAME=}). */
  private static Set<String> exampleSecretKeys() {
    try {
      Set<String> keys = new TreeSet<>();
      Pattern key = Pattern.compile("^#([A-Z][A-Z0-9_]*)=");
      for (String line : Files.readAllLines(SECRETS_EXAMPLE)) {
        Matcher matcher = key.matcher(line);
        if (matcher.find()) {
          keys.add(matcher.group(1));
        }
      }
      return keys;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The arguments of every {@code INSTRUCTION} line, continuation lines joined. */
  static List<String> instruction(String dockerfile, String name) {
    List<String> found = new ArrayList<>();
    String joined = dockerfile.replaceAll("\\\\\\n\\s*", " ");
    for (String line : joined.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith(name + " ")) {
        found.add(trimmed.substring(name.length() + 1).trim());
      }
    }
    return found;
  }

  private static List<JsonNode> of(String kind) {
    return manifests.stream().filter(doc -> doc.path("kind").asText().equals(kind)).toList();
  }

  private static Set<String> names(String kind) {
    Set<String> names = new TreeSet<>();
    of(kind).forEach(doc -> names.add(doc.at("/metadata/name").asText()));
    return names;
  }

  private static JsonNode named(String kind, String name) {
    return of(kind).stream().filter(doc -> doc.at("/metadata/name").asText().equals(name)).findFirst().orElseThrow();
  }

  private static JsonNode deployment() {
    assertThat(of("Deployment")).hasSize(1);
    return of("Deployment").get(0);
  }

  private static JsonNode container() {
    return deployment().at("/spec/template/spec/containers/0");
  }

  private static Map<String, Integer> containerPorts() {
    Map<String, Integer> ports = new HashMap<>();
    container().path("ports").forEach(port -> ports.put(port.path("name").asText(), port.path("containerPort").asInt()));
    return ports;
  }
}
