package dev.perfagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** A validated configuration file. Immutable. */
public final class AgentConfig {
  private final String service;
  private final ExportSettings export;
  private final boolean propagation;
  private final boolean watch;
  private final Limits limits;
  private final ContentSettings content;
  private final boolean capturesContent;
  private final List<Pointcut> pointcuts;
  /** Read at the first call of {@link #pointcutsInForce}: the presets are parsed only then. */
  private volatile List<Pointcut> inForce;
  private final List<String> presets;
  private final Map<String, Price> prices;
  private final String source;

  AgentConfig(String service, ExportSettings export, boolean propagation, boolean watch, Limits limits,
      ContentSettings content, List<Pointcut> pointcuts, List<String> presets, Map<String, Price> prices,
      String source) {
    this(service, export, propagation, watch, limits, content, false, pointcuts, presets, prices, source);
  }

  private AgentConfig(String service, ExportSettings export, boolean propagation, boolean watch, Limits limits,
      ContentSettings content, boolean capturesContent, List<Pointcut> pointcuts, List<String> presets,
      Map<String, Price> prices, String source) {
    this.service = service;
    this.export = Objects.requireNonNull(export, "export");
    this.propagation = propagation;
    this.watch = watch;
    this.limits = Objects.requireNonNull(limits, "limits");
    this.content = Objects.requireNonNull(content, "content");
    this.capturesContent = capturesContent;
    this.pointcuts = Collections.unmodifiableList(new ArrayList<>(pointcuts));
    this.presets = List.copyOf(presets);
    this.prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
    this.source = Objects.requireNonNull(source, "source");
  }

  /** The configuration without a file: default settings and every preset. */
  public static AgentConfig defaults(String source) {
    return new AgentConfig(null, ExportSettings.defaults(), true, true, Limits.defaults(),
        ContentSettings.defaults(), List.of(), Presets.NAMES, Map.of(), source);
  }

  /**
   * {@code own}, then the pointcuts of {@code presets} that no pointcut of {@code own} replaces; with
   * {@code content}, each reading its {@code content:} captures too.
   */
  private static List<Pointcut> withPresets(
      List<Pointcut> own, List<String> presets, Function<String, List<Pointcut>> pointcutsOf) {
    Set<String> names = new HashSet<>();
    own.forEach(p -> names.add(p.name()));
    List<Pointcut> all = new ArrayList<>(own);
    for (String preset : presets) {
      for (Pointcut p : pointcutsOf.apply(preset)) {
        if (!names.contains(p.name())) {
          all.add(p);
        }
      }
    }
    return all;
  }

  /**
   * This configuration with message content captured: the {@code content:} captures of the pointcuts
   * in force are read like their other captures (see {@link ContentSwitch} for who decides).
   */
  public AgentConfig capturingContent() {
    return capturesContent ? this
        : new AgentConfig(
            service, export, propagation, watch, limits, content, true, pointcuts, presets, prices, source);
  }

  /** Whether the {@code content:} captures are read ({@link #capturingContent}); false as loaded. */
  public boolean capturesContent() {
    return capturesContent;
  }

  /** The {@code content:} section as the file says (off, 8192 characters, when absent). */
  public ContentSettings content() {
    return content;
  }

  /** Default {@code service.name}; OTEL_SERVICE_NAME / otel.service.name take precedence. */
  public Optional<String> service() {
    return Optional.ofNullable(service);
  }

  public ExportSettings export() {
    return export;
  }

  /** Whether work submitted to JDK executors from inside a recorded span runs as its child; default true. */
  public boolean propagation() {
    return propagation;
  }

  /** Whether the running agent watches the file and applies saved changes ({@code watch:}); default true. */
  public boolean watch() {
    return watch;
  }

  public Limits limits() {
    return limits;
  }

  /** The file's own pointcuts in file order, unmodifiable. */
  public List<Pointcut> pointcuts() {
    return pointcuts;
  }

  /**
   * The pointcuts the agent weaves, unmodifiable: the file's, then those of the selected presets
   * that no pointcut of the file replaces (same name).
   */
  public List<Pointcut> pointcutsInForce() {
    List<Pointcut> all = inForce;
    if (all == null) {
      List<Pointcut> read = withPresets(pointcuts, presets, Presets::pointcuts);
      if (capturesContent) {
        read.replaceAll(Pointcut::capturingContent);
      }
      all = Collections.unmodifiableList(read);
      inForce = all;
    }
    return all;
  }

  /**
   * What the pointcuts in force weave, without parsing the presets: the file's pointcuts, then the
   * presets' as their {@link PresetIndex} has them (class, supertype, annotations, method,
   * parameters; nothing they record). The same list as {@link #pointcutsInForce}, pointcut by pointcut.
   */
  public List<Pointcut> targetsInForce() {
    List<Pointcut> all = inForce;
    return all != null ? all : Collections.unmodifiableList(withPresets(pointcuts, presets, PresetIndex::targets));
  }

  /** Prices of models the file adds or changes ({@code prices:}), by model name, in file order. */
  public Map<String, Price> prices() {
    return prices;
  }

  /** The presets selected ({@code presets:}, all by default), in {@link Presets#NAMES} order. */
  public List<String> presets() {
    return presets;
  }

  /** Where the configuration came from (file path or the name given to {@link ConfigLoader#parse}). */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "AgentConfig{source=" + source + ", service=" + service + ", " + pointcuts.size() + " pointcuts}";
  }
}
