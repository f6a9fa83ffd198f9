package org.guizhoubot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.guizhoubot.App;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.config.Settings;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.index.LazyEmbedder;
import org.guizhoubot.index.MiniLmTokenizer;
import org.guizhoubot.index.PassageSplitter;

/**
 * Times the hostile articles of issue 14: reading (parse and furniture), splitting, and a whole
 * {@code index} run with the real model in a fresh corpus holding only that file. Prints figures;
 * asserts nothing. How to run it: BENCHMARKS.md.
 */
public final class HostileInputBench {
  private HostileInputBench() {}

  /** The hostile files by name. */
  static Map<String, byte[]> inputs() {
    Map<String, byte[]> in = new LinkedHashMap<>();
    in.put("is-now-live-960k.txt", ("Title\n" + "is now live ".repeat(80_000)).getBytes(StandardCharsets.UTF_8));
    StringBuilder words = new StringBuilder("Title\n");
    String[] vocab = {"data", "centre", "Guizhou", "cloud", "server", "province", "big", "valley", "the", "of"};
    for (int i = 0; words.length() < 5_000_000 - 20; i++) {
      words.append(vocab[(i * 7 + i / 10) % vocab.length]).append(i % 17 == 16 ? ". " : " ");
    }
    in.put("one-line-5mb.txt", words.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder nested = new StringBuilder("<html><body><article>");
    int depth = 0;
    while (nested.length() < 540_000 - 30) {
      nested.append("<ul><li>item ").append(depth++).append(' ');
    }
    nested.append("</article></body></html>");
    in.put("nested-list-540k.html", nested.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder paras = new StringBuilder("<html><head><title>Many paragraphs</title></head><body>");
    for (int i = 0; i < 50_000; i++) {
      paras.append("<p>Paragraph ").append(i).append(" about the data centre.");
    }
    paras.append("</body></html>");
    in.put("paragraphs-50000.html", paras.toString().getBytes(StandardCharsets.UTF_8));
    return in;
  }

  public static void main(String[] args) throws Exception {
    boolean index = args.length == 0 || !args[0].equals("--no-index");
    System.out.println("loadavg " + Files.readString(Path.of("/proc/loadavg")).strip());
    ArticleReader reader = new ArticleReader();
    try (LazyEmbedder model = LazyEmbedder.miniLm()) {
      PassageSplitter splitter = new PassageSplitter(new MiniLmTokenizer(), model.maxWordPieces());
      for (Map.Entry<String, byte[]> e : inputs().entrySet()) {
        long t0 = System.nanoTime();
        String outcome;
        int passages = -1;
        try {
          Article a = reader.parse(e.getKey(), e.getValue());
          long t1 = System.nanoTime();
          passages = splitter.split(a).size();
          outcome = String.format(Locale.ROOT, "read %.2f s (%d chars of text), split %.2f s", (t1 - t0) / 1e9,
              a.body().length(), (System.nanoTime() - t1) / 1e9);
        } catch (Exception ex) {
          outcome = "refused after " + String.format(Locale.ROOT, "%.2f s: %s", (System.nanoTime() - t0) / 1e9, ex.getMessage());
        }
        String indexed = "";
        if (index) {
          indexed = ", " + indexAlone(e.getKey(), e.getValue(), model);
        }
        System.out.printf(Locale.ROOT, "%-24s %7.0f KB  %s, %d passages%s%n", e.getKey(), e.getValue().length / 1e3,
            outcome, passages, indexed);
      }
    }
  }

  /** A whole index run over a corpus of just this file, with the real model (loaded once). */
  private static String indexAlone(String name, byte[] bytes, LazyEmbedder model) throws IOException {
    Path dir = Files.createTempDirectory("hostile-bench");
    try {
      Path corpus = Files.createDirectories(dir.resolve("corpus"));
      Files.write(corpus.resolve(name), bytes);
      Settings s = TestFixtures.settings(corpus, dir.resolve("data"));
      try (App app = new App(s, model, App::vectorIndexFor)) {
        long t0 = System.nanoTime();
        IndexReport r = app.library().reindex(false, IndexProgress.NONE);
        return String.format(Locale.ROOT, "index %.2f s (%d passages, %s)", (System.nanoTime() - t0) / 1e9,
            r.passages(), r.problems().isEmpty() ? "no problems" : r.problems().get(0).message());
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

}
