package dev.perfagent.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Entry point: reads a YAML pointcut file into a validated {@link AgentConfig}. */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * Reads and validates a file (UTF-8).
   *
   * @throws ConfigException when the file cannot be read (one problem at line 0, column 0) or is invalid
   */
  public static AgentConfig load(Path file) throws ConfigException {
    return parseBytes(read(file), String.valueOf(file));
  }

  /**
   * The content of a configuration file, for {@link #parseBytes}.
   *
   * @throws ConfigException when the file cannot be read (one problem at line 0, column 0)
   */
  public static byte[] read(Path file) throws ConfigException {
    String source = String.valueOf(file);
    try {
      if (Files.isDirectory(file)) {
        throw unreadable(source, "is a directory");
      }
      if (Files.size(file) > 4L * YamlComposer.MAX_CHARS) {
        throw unreadable(source, "file too large (" + Files.size(file) + " bytes)");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw unreadable(source, "file not found");
    } catch (AccessDeniedException e) {
      throw unreadable(source, "permission denied");
    } catch (IOException e) {
      throw unreadable(source, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /**
   * Validates the content of a file read already (UTF-8), as {@link #load} would.
   *
   * @throws ConfigException when it is not UTF-8 or is invalid
   */
  public static AgentConfig parseBytes(byte[] content, String source) throws ConfigException {
    if (content.length > 4L * YamlComposer.MAX_CHARS) {
      throw unreadable(source, "file too large (" + content.length + " bytes)");
    }
    try {
      return parse(decodeUtf8(content), source);
    } catch (CharacterCodingException e) {
      throw unreadable(source, "not valid UTF-8");
    }
  }

  /**
   * Parses and validates YAML text.
   *
   * @param sourceName file name or description used in messages
   * @throws ConfigException listing every problem found
   */
  public static AgentConfig parse(String yaml, String sourceName) throws ConfigException {
    return parse(yaml, sourceName == null ? "<config>" : sourceName, null);
  }

  /** Parses the YAML of built-in preset {@code name}: its pointcuts, marked with it. */
  static AgentConfig parsePreset(String yaml, String name) throws ConfigException {
    return parse(yaml, "preset " + name, name);
  }

  private static AgentConfig parse(String yaml, String source, String preset) throws ConfigException {
    Problems problems = new Problems(source);
    if (yaml == null) {
      problems.atFile("no configuration text (null)");
      throw problems.toException();
    }
    String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    Optional<Node> root = YamlComposer.compose(text, problems);
    if (!problems.isEmpty()) {
      throw problems.toException();
    }
    if (root.isEmpty()) {
      return AgentConfig.defaults(source);
    }
    AgentConfig config = new ConfigReader(problems, preset).read(root.get());
    if (config == null || !problems.isEmpty()) {
      throw problems.toException();
    }
    return config;
  }

  private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static ConfigException unreadable(String source, String reason) {
    Problems problems = new Problems(source);
    problems.atFile("cannot read " + source + ": " + reason);
    return problems.toException();
  }
}
