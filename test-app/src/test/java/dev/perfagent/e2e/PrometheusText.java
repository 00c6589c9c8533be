package dev.perfagent.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a {@code /metrics} endpoint in the Prometheus text format, as samples. */
final class PrometheusText {
  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)(?: \\d+)?");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  /** A sample: metric name, labels, value. */
  static final class Sample {
    final String name;
    final Map<String, String> labels;
    final double value;

    Sample(String name, Map<String, String> labels, double value) {
      this.name = name;
      this.labels = labels;
      this.value = value;
    }

    String label(String key) {
      return labels.get(key);
    }

    @Override
    public String toString() {
      return name + labels + " " + value;
    }
  }

  final String text;
  final List<Sample> samples;

  private PrometheusText(String text, List<Sample> samples) {
    this.text = text;
    this.samples = samples;
  }

  static PrometheusText scrape(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setConnectTimeout(5_000);
    c.setReadTimeout(10_000);
    if (c.getResponseCode() != 200) {
      throw new AssertionError(url + " answered " + c.getResponseCode());
    }
    try (InputStream in = c.getInputStream()) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        throw new AssertionError("not a sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return new PrometheusText(text, samples);
  }

  /** The metric names of all samples ({@code x_bucket}, {@code x_sum}, {@code x_count} apart). */
  Set<String> names() {
    Set<String> names = new TreeSet<>();
    samples.forEach(s -> names.add(s.name));
    return names;
  }

  /** The sum of the samples named {@code name} that {@code where} accepts. */
  double sum(String name, Predicate<Sample> where) {
    return samples.stream().filter(s -> s.name.equals(name) && where.test(s)).mapToDouble(s -> s.value).sum();
  }

  double sum(String name) {
    return sum(name, s -> true);
  }

  /** {@code name}'s sum by the value of {@code label} (samples without it under ""). */
  Map<String, Double> sumBy(String name, String label, Predicate<Sample> where) {
    Map<String, Double> sums = new LinkedHashMap<>();
    samples.stream().filter(s -> s.name.equals(name) && where.test(s))
        .forEach(s -> sums.merge(s.labels.getOrDefault(label, ""), s.value, Double::sum));
    return sums;
  }
}
