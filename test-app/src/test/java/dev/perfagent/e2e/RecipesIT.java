package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The recipes (deploy/*&#47;compose.yaml and docs/recipes/*.md) without Docker: the files parse, what
 * they mount exists, and the services, ports and paths they name agree with each other.
 */
class RecipesIT {
  private static final Pattern HOST_PORT = Pattern.compile("(?<![\\w.-])([a-z][a-z0-9.-]*|\\d+\\.\\d+\\.\\d+\\.\\d+):(\\d{2,5})\\b");
  private static final Pattern CONTAINER_PATH = Pattern.compile("(/etc/[\\w./-]+|/var/lib/grafana/[\\w./-]+|/data/[\\w./*-]+)");
  private static final Pattern LOCALHOST = Pattern.compile("localhost:(\\d+)");
  private static final Pattern COMPOSE_LINK = Pattern.compile("deploy/[\\w-]+/compose\\.yaml");
  private static final String AGENT_PROMETHEUS_PORT = "9464";

  @Test
  void everyComposeFileParsesAndMountsFilesThatExist() throws Exception {
    List<Path> composes = composeFiles();
    assertEquals(4, composes.size(), composes.toString());
    for (Path compose : composes) {
      Map<String, Map<String, Object>> services = services(compose);
      assertFalse(services.isEmpty(), compose.toString());
      services.forEach((name, service) -> {
        assertTrue(service.get("image") instanceof String, compose + " " + name + ": no image");
        for (Mount m : mounts(compose, service)) {
          assertTrue(Files.exists(m.source), compose + " " + name + " mounts " + m.source + ", which does not exist");
        }
      });
    }
  }

  @Test
  void theServicesPortsAndPathsTheConfigurationsNameAreThoseOfTheirComposeFile() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Path compose : composeFiles()) {
      Map<String, Map<String, Object>> services = services(compose);
      for (Map.Entry<String, Map<String, Object>> s : services.entrySet()) {
        for (Mount m : mounts(compose, s.getValue())) {
          for (Path config : configFiles(m.source)) {
            String text = Files.readString(config, StandardCharsets.UTF_8);
            String where = compose.getParent().getFileName() + " " + s.getKey() + " " + config.getFileName();
            Matcher hp = HOST_PORT.matcher(text);
            while (hp.find()) {
              String host = hp.group(1);
              String port = hp.group(2);
              if (host.equals("host.docker.internal")) {
                check(problems, port.equals(AGENT_PROMETHEUS_PORT), where + ": the agent's /metrics is on " + AGENT_PROMETHEUS_PORT + ", not " + port);
              } else if (host.equals("0.0.0.0")) {
                check(problems, containerPorts(s.getValue()).contains(port), where + ": listens on " + port + ", which " + s.getKey() + " neither publishes nor exposes");
              } else if (services.containsKey(host)) {
                check(problems, containerPorts(services.get(host)).contains(port), where + ": " + host + ":" + port + " is not a port " + host + " publishes or exposes");
              } else if (!host.equals("localhost")) {
                problems.add(where + ": " + host + ":" + port + " names no service of " + compose);
              }
            }
            Matcher path = CONTAINER_PATH.matcher(text);
            while (path.find()) {
              String p = path.group(1);
              boolean mounted = mounts(compose, s.getValue()).stream().anyMatch(x -> p.startsWith(x.target));
              check(problems, mounted, where + ": " + p + " is not mounted into " + s.getKey());
            }
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyCollectorPipelineUsesComponentsItDefines() throws Exception {
    for (Path compose : composeFiles()) {
      Path config = compose.resolveSibling("collector.yaml");
      if (!Files.exists(config)) {
        continue;
      }
      Map<String, Object> collector = yaml(config);
      Map<String, Object> pipelines = map(map(collector.get("service")).get("pipelines"));
      assertFalse(pipelines.isEmpty(), config.toString());
      for (Map.Entry<String, Object> pipeline : pipelines.entrySet()) {
        for (String kind : List.of("receivers", "processors", "exporters")) {
          @SuppressWarnings("unchecked")
          List<String> used = (List<String>) map(pipeline.getValue()).getOrDefault(kind, List.of());
          for (String component : used) {
            assertTrue(map(collector.get(kind)).containsKey(component),
                config + ": pipeline " + pipeline.getKey() + " uses " + kind + " " + component + ", not defined");
          }
        }
      }
    }
  }

  @Test
  void everyRecipePageNamesItsComposeFileAndOnlyPortsItPublishes() throws Exception {
    Path docs = PrometheusTools.deploy().resolveSibling("docs").resolve("recipes");
    List<Path> pages;
    try (Stream<Path> files = Files.list(docs)) {
      pages = files.filter(f -> f.toString().endsWith(".md")).sorted().collect(Collectors.toList());
    }
    assertEquals(4, pages.size(), pages.toString());
    Set<Path> named = new TreeSet<>();
    for (Path page : pages) {
      String text = Files.readString(page, StandardCharsets.UTF_8);
      Matcher link = COMPOSE_LINK.matcher(text);
      assertTrue(link.find(), page + " names no compose file");
      Path compose = PrometheusTools.deploy().resolveSibling(link.group());
      assertTrue(Files.exists(compose), page + ": " + compose);
      named.add(compose);
      Set<String> published = new TreeSet<>();
      services(compose).values().forEach(s -> published.addAll(hostPorts(s)));
      Matcher port = LOCALHOST.matcher(text);
      while (port.find()) {
        assertTrue(published.contains(port.group(1)), page + ": localhost:" + port.group(1) + " is not published by " + compose);
      }
    }
    assertEquals(new TreeSet<>(composeFiles()), named, "a page for every compose file");
  }

  private static void check(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }

  private static List<Path> composeFiles() throws IOException {
    try (Stream<Path> dirs = Files.list(PrometheusTools.deploy())) {
      return dirs.map(d -> d.resolve("compose.yaml")).filter(Files::exists).sorted().collect(Collectors.toList());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services(Path compose) throws IOException {
    Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    map(yaml(compose).get("services")).forEach((k, v) -> services.put(k, (Map<String, Object>) v));
    return services;
  }

  /** A bind mount: the file or directory on the host, where it appears in the container. */
  private static final class Mount {
    final Path source;
    final String target;

    Mount(Path source, String target) {
      this.source = source;
      this.target = target;
    }
  }

  /** The service's bind mounts; {@code ${VAR:-default}} as its default. */
  private static List<Mount> mounts(Path compose, Map<String, Object> service) {
    List<Mount> mounts = new ArrayList<>();
    for (Object v : (List<?>) service.getOrDefault("volumes", List.of())) {
      String[] parts = v.toString().replaceAll("\\$\\{\\w+:-([^}]*)\\}", "$1").split(":");
      if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
        mounts.add(new Mount(compose.getParent().resolve(parts[0]).normalize(), parts[1]));
      }
    }
    return mounts;
  }

  /** The YAML files of a mount (the file, or those in the directory and below). */
  private static List<Path> configFiles(Path source) throws IOException {
    if (!Files.isDirectory(source)) {
      return source.toString().matches(".*\\.ya?ml$") ? List.of(source) : List.of();
    }
    try (Stream<Path> files = Files.walk(source)) {
      return files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().collect(Collectors.toList());
    }
  }

  /** Container ports: published ({@code "host:container"}) or exposed. */
  private static Set<String> containerPorts(Map<String, Object> service) {
    Set<String> ports = new TreeSet<>();
    for (Object p : (List<?>) service.getOrDefault("ports", List.of())) {
      String[] parts = p.toString().split(":");
      ports.add(parts[parts.length - 1]);
    }
    for (Object p : (List<?>) service.getOrDefault("expose", List.of())) {
      ports.add(p.toString());
    }
    return ports;
  }

  private static Set<String> hostPorts(Map<String, Object> service) {
    Set<String> ports = new TreeSet<>();
    for (Object p : (List<?>) service.getOrDefault("ports", List.of())) {
      ports.add(p.toString().split(":")[0]);
    }
    return ports;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    Load load = new Load(LoadSettings.builder().setLabel(file.toString()).build());
    return map(load.loadFromString(Files.readString(file, StandardCharsets.UTF_8)));
  }
}
