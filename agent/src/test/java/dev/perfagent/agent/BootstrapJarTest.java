package dev.perfagent.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapJarTest {
  private static final String USER = System.getProperty("user.name");
  private static final byte[] CLASSES = "the bootstrap classes".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;

  @Test
  void everyStartOfOneBuildUsesTheSameFileSoNothingPilesUp() throws IOException {
    Path first = BootstrapJar.materialize(CLASSES, tmp, USER);
    Path second = BootstrapJar.materialize(CLASSES, tmp, USER);
    assertEquals(first, second);
    assertEquals(List.of(first), files());
    assertEquals("perf-agent-bootstrap-" + USER + "-" + BootstrapJar.hash(CLASSES) + ".jar", first.getFileName().toString());
    assertArrayEquals(CLASSES, Files.readAllBytes(first));
    Path other = BootstrapJar.materialize("another build".getBytes(StandardCharsets.UTF_8), tmp, USER);
    assertNotEquals(first, other, "another build has its own file");
  }

  @Test
  void aFileOfThatNameWithOtherContentOrWritableByOthersOrALinkIsReplaced() throws IOException {
    Path expected = BootstrapJar.materialize(CLASSES, tmp, USER);
    Files.write(expected, "planted".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(CLASSES, Files.readAllBytes(BootstrapJar.materialize(CLASSES, tmp, USER)));

    Files.setPosixFilePermissions(expected, PosixFilePermissions.fromString("rw-rw-rw-"));
    Path again = BootstrapJar.materialize(CLASSES, tmp, USER);
    assertFalse(Files.getPosixFilePermissions(again).toString().contains("OTHERS_WRITE"), "a fresh file");

    Path elsewhere = Files.write(tmp.resolve("elsewhere"), CLASSES);
    Files.delete(expected);
    Files.createSymbolicLink(expected, elsewhere);
    Path resolved = BootstrapJar.materialize(CLASSES, tmp, USER);
    assertTrue(Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS), "not a link: " + resolved);
    assertEquals(expected, resolved);
  }

  @Test
  void aFileOfAnotherUserIsNeverTrustedAFileOfItsOwnIsUsedInstead() throws IOException {
    Path ours = BootstrapJar.materialize(CLASSES, tmp, USER);
    Path theirs = BootstrapJar.materialize(CLASSES, tmp, "someone-else");
    assertNotEquals(ours, theirs);
    assertFalse(theirs.getFileName().toString().contains("someone-else-"), "not the name a file of theirs would have");
    assertArrayEquals(CLASSES, Files.readAllBytes(theirs));
  }

  @Test
  void theNestedJarIsReadAsItIsAndItsAbsenceIsNamed() throws Exception {
    File agent = tmp.resolve("agent.jar").toFile();
    writeJar(agent, BootstrapInjector.NESTED_JAR, CLASSES);
    assertArrayEquals(CLASSES, BootstrapInjector.nestedJar(agent));

    File other = tmp.resolve("other.jar").toFile();
    writeJar(other, "dev/perfagent/agent/PerfAgent.class", CLASSES);
    IOException missing = assertThrows(IOException.class, () -> BootstrapInjector.nestedJar(other));
    assertTrue(missing.getMessage().contains(BootstrapInjector.NESTED_JAR), missing.getMessage());
  }

  @Test
  void aUserNameIsMadeSafeForAFileName() {
    assertEquals("dom_ain_us_er.x-1", BootstrapJar.safe("dom\\ain/us er.x-1"));
    assertEquals("", BootstrapJar.safe(null));
  }

  private static void writeJar(File file, String entry, byte[] content) throws IOException {
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file.toPath()))) {
      jar.putNextEntry(new JarEntry(entry));
      jar.write(content);
      jar.closeEntry();
    }
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.collect(Collectors.toList());
    }
  }
}
