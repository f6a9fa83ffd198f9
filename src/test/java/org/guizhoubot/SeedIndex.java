package org.guizhoubot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guizhoubot.index.IndexSnapshot;

/** One app over an indexed copy of the seed corpus, built once per JVM for read-only tests. */
public final class SeedIndex {
  private static App app;

  private SeedIndex() {}

  public static synchronized App app() {
    if (app == null) {
      try {
        Path dir = Files.createTempDirectory("guizhou-seeds");
        app = TestFixtures.app(TestFixtures.copySeeds(dir), dir.resolve("data"));
        app.index().current();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return app;
  }

  /** The snapshot the seed app serves. */
  public static IndexSnapshot snapshot() {
    try {
      return app().index().current();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
