package dev.perfagent.agent;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The file the bootstrap classes are appended to the bootstrap class path from: one per agent build
 * and user in the temporary directory, named by the hash of its content and reused by every later
 * start, so that a JVM that is killed leaves nothing new behind. A file of that name is used only if
 * it is a regular file of this user that nobody else may write and its content is the expected one
 * (the bootstrap class loader trusts it); otherwise a fresh one is written beside it.
 */
final class BootstrapJar {
  static final String PREFIX = "perf-agent-bootstrap-";
  private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
      EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  private BootstrapJar() {}

  /** The file holding exactly {@code content}, in {@code directory}. */
  static Path materialize(byte[] content, Path directory, String user) throws IOException {
    Path target = directory.resolve(PREFIX + safe(user) + "-" + hash(content) + ".jar");
    if (holds(target, content, user)) {
      return target;
    }
    Path fresh = Files.createTempFile(directory, PREFIX, ".tmp"); // readable and writable by its owner only
    try {
      write(fresh, content);
      // two JVMs starting at once write the same bytes: whichever move lands last is as good
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (holds(target, content, user)) {
        return target;
      }
    } catch (IOException refused) {
      // the name is taken by a file this user may not replace: fall back to a file of its own
    }
    if (Files.exists(fresh, LinkOption.NOFOLLOW_LINKS)) {
      fresh.toFile().deleteOnExit();
      return fresh;
    }
    Path own = Files.createTempFile(directory, PREFIX, ".jar");
    write(own, content);
    own.toFile().deleteOnExit();
    return own;
  }

  private static boolean holds(Path file, byte[] content, String user) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    PosixFileAttributeView posix =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (posix != null) {
      UserPrincipal owner = posix.getOwner();
      boolean others = false;
      for (PosixFilePermission permission : posix.readAttributes().permissions()) {
        others |= WRITABLE_BY_OTHERS.contains(permission);
      }
      if (others || !owner.getName().equals(user)) {
        return false;
      }
    }
    if (Files.size(file) != content.length) {
      return false;
    }
    try (InputStream in = new FileInputStream(file.toFile())) { // loads none of the file channels' classes
      return Arrays.equals(in.readAllBytes(), content);
    }
  }

  private static void write(Path file, byte[] content) throws IOException {
    try (OutputStream out = new FileOutputStream(file.toFile())) {
      out.write(content);
    }
  }

  /**
   * 16 hex digits from the content's CRC-32 and length: enough to tell builds apart, which is all the
   * name is for (the content itself is compared byte for byte before a file is used). Neither a
   * message digest nor {@code String.format}: each would load dozens of classes at every start.
   */
  static String hash(byte[] content) {
    CRC32 crc = new CRC32();
    crc.update(content);
    String hex = Long.toHexString(crc.getValue() << 32 | (content.length & 0xffff_ffffL));
    return "0".repeat(16 - hex.length()) + hex;
  }

  /** {@code user} with each character other than a letter, digit, '.', '_' or '-' as '_' (no regex loaded). */
  static String safe(String user) {
    if (user == null) {
      return "";
    }
    char[] name = user.toCharArray();
    for (int i = 0; i < name.length; i++) {
      char c = name[i];
      boolean plain =
          c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
      name[i] = plain ? c : '_';
    }
    return new String(name);
  }
}
