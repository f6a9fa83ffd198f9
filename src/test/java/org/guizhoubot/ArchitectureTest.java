package org.guizhoubot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The house plan, read from the main sources: packages depend one way, and front ends sit on top. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/org/guizhoubot");
  private static final Pattern REFERENCE = Pattern.compile("org\\.guizhoubot\\.((?:[a-z]+\\.)*)[A-Z]");
  private static final String ROOT = "(root)";

  /** The packages each main package refers to (imports and qualified names). */
  private static final Map<String, Set<String>> USES = uses();

  private static Map<String, Set<String>> uses() {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = packageOf(f);
        Set<String> to = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(Files.readString(f));
        while (m.find()) {
          String target = m.group(1).isEmpty() ? ROOT : m.group(1).substring(0, m.group(1).length() - 1);
          if (!target.equals(pkg)) {
            to.add(target);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + MAIN, e);
    }
    return uses;
  }

  private static String packageOf(Path file) {
    Path dir = MAIN.relativize(file).getParent();
    return dir == null ? ROOT : dir.toString().replace('/', '.');
  }

  private static boolean frontEnd(String pkg) {
    return pkg.equals("cli") || pkg.equals("telegram") || pkg.startsWith("telegram.");
  }

  @Test
  void should_have_no_package_cycle() {
    List<String> cycles = new ArrayList<>();
    for (String from : USES.keySet()) {
      for (String to : USES.get(from)) {
        if (from.compareTo(to) < 0 && reaches(to, from, new TreeSet<>())) {
          cycles.add(from + " <-> " + to);
        }
      }
    }

    assertThat(cycles).isEmpty();
  }

  private static boolean reaches(String from, String to, Set<String> seen) {
    if (from.equals(to)) {
      return true;
    }
    if (!seen.add(from)) {
      return false;
    }
    return USES.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(next, to, seen));
  }

  @Test
  void should_keep_the_core_free_of_front_ends() {
    List<String> wrong = new ArrayList<>();
    USES.forEach((from, targets) -> targets.stream()
        .filter(to -> !from.equals(ROOT) && !frontEnd(from) && frontEnd(to))
        .forEach(to -> wrong.add(from + " -> " + to)));

    assertThat(wrong).isEmpty();
  }

  @Test
  void should_never_import_a_child_package_from_its_parent() {
    List<String> wrong = new ArrayList<>();
    USES.forEach((from, targets) -> targets.stream()
        .filter(to -> !from.equals(ROOT) && to.startsWith(from + "."))
        .forEach(to -> wrong.add(from + " -> " + to)));

    assertThat(wrong).isEmpty();
  }

  @Test
  void should_keep_each_backend_behind_the_port_for_the_health_command() throws IOException {
    String health = Files.readString(MAIN.resolve("cli/HealthCommand.java"));

    assertThat(health).doesNotContain("org.guizhoubot.sqlite").doesNotContain("org.guizhoubot.solr");
  }
}
