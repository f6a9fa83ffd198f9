package org.guizhoubot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.guizhoubot.config.Settings;
import org.guizhoubot.config.SettingsLoader;
import org.guizhoubot.index.Embedder;
import org.guizhoubot.bench.FlatVectorIndex;
import org.guizhoubot.index.MiniLmEmbedder;
import org.guizhoubot.index.MiniLmTokenizer;

/** Shared test fixtures: the real model loaded once per JVM, and copies of the seed corpus. */
public final class TestFixtures {
  private static volatile MiniLmEmbedder model;
  private static volatile MiniLmTokenizer tokenizer;

  private TestFixtures() {}

  /** The real all-MiniLM-L6-v2 embedder, loaded on first use and shared by all tests. */
  public static synchronized Embedder model() {
    if (model == null) {
      model = new MiniLmEmbedder();
    }
    return model;
  }

  public static synchronized MiniLmTokenizer tokenizer() {
    if (tokenizer == null) {
      tokenizer = new MiniLmTokenizer();
    }
    return tokenizer;
  }

  /** The repository's corpus folder. */
  public static Path seeds() {
    return Path.of("corpus").toAbsolutePath();
  }

  /** Copies the seed articles into {@code dir}/corpus and returns that folder. */
  public static Path copySeeds(Path dir) {
    Path target = dir.resolve("corpus");
    try (Stream<Path> files = Files.list(seeds())) {
      Files.createDirectories(target);
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  public static Path resource(String name) {
    return Path.of("src/test/resources", name).toAbsolutePath();
  }

  /** The default settings (no environment, no config file) with these folders. */
  public static Settings settings(Path corpus, Path data) {
    return new SettingsLoader(Map.of(), data).load(null,
        Map.of("corpus.dir", corpus.toString(), "data.dir", data.toString()));
  }

  /** The production app for these settings, but on the shared model: what the CLI tests open. */
  public static App app(Settings settings) {
    return new App(settings, model(), App::vectorIndexFor);
  }

  /** An app over {@code corpus} with its data in {@code data}, using the shared model. */
  public static App app(Path corpus, Path data) {
    Settings s = settings(corpus, data);
    return new App(s, model(), FlatVectorIndex::new);
  }
}
