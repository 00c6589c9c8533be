package dev.perfagent.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each preset's pointcuts weave (class, supertype, annotations, method, parameters), without the
 * rest: enough to tell whether a class being loaded may be one of a preset's, before the preset is
 * read. Written at build time from the presets themselves ({@link #main}, into {@code
 * presets/index.tsv} beside them), so it cannot disagree with them; read without a YAML parser.
 */
public final class PresetIndex {
  static final String RESOURCE = "presets/index.tsv";
  private static final String ABSENT = "-";
  private static final int FIELDS = 8;

  private static volatile Map<String, List<Pointcut>> targets;

  private PresetIndex() {}

  /**
   * The pointcuts of preset {@code name} with only what they weave: name, class pattern, {@code
   * subtype-of}, annotations, method pattern and parameters; nothing they record.
   */
  public static List<Pointcut> targets(String name) {
    Map<String, List<Pointcut>> all = targets;
    if (all == null) {
      all = read();
      targets = all;
    }
    List<Pointcut> preset = all.get(name);
    if (preset == null) {
      throw new IllegalArgumentException("no preset " + Texts.quote(name));
    }
    return preset;
  }

  private static Map<String, List<Pointcut>> read() {
    try (InputStream in = PresetIndex.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      Map<String, List<Pointcut>> all = new LinkedHashMap<>();
      Presets.NAMES.forEach(name -> all.put(name, new ArrayList<>()));
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS || !all.containsKey(f[0])) {
          throw new IllegalStateException(RESOURCE + " has a line it should not: " + line);
        }
        all.get(f[0]).add(target(f));
      }
      all.replaceAll((name, list) -> List.copyOf(list));
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Pointcut target(String[] f) {
    Pointcut.Builder b = new Pointcut.Builder();
    b.preset = f[0];
    b.name = f[1];
    b.classPattern = f[2].equals(ABSENT) ? null : NamePattern.parse(f[2], true);
    b.subtypeOf = absentIsNull(f[3]);
    b.classAnnotation = absentIsNull(f[4]);
    b.methodPattern = NamePattern.parse(f[5], false);
    b.parameters = f[6].equals(ABSENT) ? null : f[6].isEmpty() ? List.of() : Arrays.asList(f[6].split(","));
    b.methodAnnotation = absentIsNull(f[7]);
    return b.build();
  }

  private static String absentIsNull(String field) {
    return field.equals(ABSENT) ? null : field;
  }

  /** The index line of preset pointcut {@code p}. */
  static String line(Pointcut p) {
    return String.join("\t", p.preset().orElseThrow(), p.name(),
        p.classPattern().map(NamePattern::text).orElse(ABSENT), p.subtypeOf().orElse(ABSENT),
        p.classAnnotation().orElse(ABSENT), p.methodPattern().text(),
        p.parameters().map(types -> String.join(",", types)).orElse(ABSENT), p.methodAnnotation().orElse(ABSENT));
  }

  /** Writes the index of every preset into the class directory {@code args[0]} (the build runs this). */
  public static void main(String[] args) throws IOException {
    Path file = Paths.get(args[0]).resolve(PresetIndex.class.getPackageName().replace('.', '/')).resolve(RESOURCE);
    Files.createDirectories(file.getParent());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String name : Presets.NAMES) {
        for (Pointcut p : Presets.pointcuts(name)) {
          out.write(line(p));
          out.write('\n');
        }
      }
    }
  }
}
