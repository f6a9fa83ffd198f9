package org.guizhoubot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.guizhoubot.sqlite.IndexSnapshot;

/**
 * One app over an indexed copy of the seed corpus, built once per JVM for read-only tests; closed
 * and its temporary folder deleted when the test JVM exits.
 */
public final class SeedIndex {
  private static App app;

  private SeedIndex() {}

  public static synchronized App app() {
    if (app == null) {
      try {
        Path dir = Files.createTempDirectory("guizhou-seeds");
        App opened = TestFixtures.app(TestFixtures.copySeeds(dir), dir.resolve("data"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          opened.close();
          deleteTree(dir);
        }, "seed-index-cleanup"));
        opened.parts().index().current();
        app = opened;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return app;
  }

  /** The snapshot the seed app serves. */
  public static IndexSnapshot snapshot() {
    try {
      return app().parts().index().current();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
