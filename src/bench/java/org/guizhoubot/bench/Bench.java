package org.guizhoubot.bench;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.guizhoubot.App;
import org.guizhoubot.cli.CommonOptions;
import org.guizhoubot.cli.Main;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.ArticleFormatException;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.CorpusFile;
import org.guizhoubot.jsonl.JsonLines;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.sqlite.IndexSnapshot;
import org.guizhoubot.sqlite.IndexStore;
import org.guizhoubot.index.MiniLmEmbedder;
import org.guizhoubot.index.MiniLmTokenizer;
import org.guizhoubot.index.PassageSplitter;
import org.guizhoubot.sqlite.QuantizedVectorIndex;
import org.guizhoubot.sqlite.VectorIndex;
import org.guizhoubot.config.Settings;
import org.guizhoubot.config.SettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The benchmark program ({@code guizhou-bot-bench.jar}): speed and memory figures, medians over
 * runs, printed with the machine load; it never fails on a goal. Not part of the product jar.
 */
@Command(name = "guizhou-bot-bench", mixinStandardHelpOptions = true,
    description = {"Measures indexing, reindexing, answer latency, vector search at scale, cold start,",
        "conversation memory, the Chinese dictionary and streamed LLM answers in Telegram.",
        "Run on a quiet machine; every figure is printed with the machine load at the start."},
    subcommands = {Bench.Index.class, Bench.Noop.class, Bench.Answer.class,
        Bench.Scale.class, Bench.Cold.class, Bench.Conversations.class, Bench.Chinese.class, StreamBench.class,
        CommandLine.HelpCommand.class})
public final class Bench implements Runnable {
  static final int OK = 0;
  static final int BAD_INPUT = 1;

  final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

  public static void main(String[] args) {
    Bench bench = new Bench();
    CommandLine cl = new CommandLine(bench);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof BadInputException) {
        commandLine.getErr().println("Error: " + ex.getMessage());
        return BAD_INPUT;
      }
      throw ex;
    });
    int code = cl.execute(args);
    bench.out.flush();
    System.exit(code);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(out);
  }

  /** A setting or argument the user has to fix: exit code 1 with the message. */
  static final class BadInputException extends RuntimeException {
    BadInputException(String message) {
      super(message);
    }
  }

  /** Settings as the product resolves them: flags, then the environment, the config file, defaults. */
  Settings settings(CommonOptions options) {
    try {
      return options.load(System.getenv());
    } catch (SettingsException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  App open(CommonOptions options) {
    return App.open(settings(options));
  }

  static void header(Bench cli, String what) {
    cli.out.printf(Locale.ROOT, "# bench %s  %s  %d cores  java %s  load average %s%n", what, Instant.now(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** A field of /proc/self/status in MiB (VmRSS, VmHWM), or -1 where there is no /proc. */
  static double procStatusMib(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  static String memory() {
    return String.format(Locale.ROOT, "RSS %.0f MiB, peak RSS (VmHWM) %.0f MiB, max heap %d MiB",
        procStatusMib("VmRSS"), procStatusMib("VmHWM"), Runtime.getRuntime().maxMemory() >> 20);
  }

  static double percentile(List<Double> values, double p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static double median(List<Double> values) {
    double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (s.length == 0) {
      return 0;
    }
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** Runs the product's command line in a new JVM ({@code java -jar guizhou-bot.jar ...}) and returns its wall time in ms. */
  static double runChild(Bench cli, List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    Path product = productLocation();
    if (product.toString().endsWith(".jar")) {
      cmd.add("-jar");
      cmd.add(product.toString());
    } else {
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(Main.class.getName());
    }
    cmd.addAll(args);
    Path log = Files.createTempFile("bench-child", ".log");
    try {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("child run did not finish in 10 minutes: " + args);
      }
      double wall = ms(System.nanoTime() - t0);
      if (p.exitValue() != 0) {
        throw new IllegalStateException("child run " + args + " exited with " + p.exitValue() + ": "
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      return wall;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Where the product's classes come from: guizhou-bot.jar when run from the bench jar. */
  static Path productLocation() {
    try {
      return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the product classes", e);
    }
  }

  static List<String> dirArgs(Bench cli, CommonOptions common) {
    var s = cli.settings(common);
    return List.of("--corpus", s.corpusDir().toString(), "--data", s.dataDir().toString());
  }

  @Command(name = "index", mixinStandardHelpOptions = true,
      description = {"Indexes the corpus from scratch (--runs times) and prints passages/s, word pieces/s and peak RSS.",
          "With --peer, then runs langchain4j's plain path on the same articles: recursive 300-token splitter,",
          "AllMiniLmL6V2EmbeddingModel.embedAll, InMemoryEmbeddingStore."})
  static final class Index implements Callable<Integer> {
    @ParentCommand Bench bench;
    @Mixin CommonOptions common;

    @Option(names = "--runs", defaultValue = "1", description = "Full rebuilds to time (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--peer", description = "Also time langchain4j's plain ingestion path once.")
    boolean peer;

    @Override
    public Integer call() throws IOException {
      Bench cli = bench;
      header(cli, "index");
      List<Double> seconds = new ArrayList<>();
      List<Double> passageRates = new ArrayList<>();
      List<Double> pieceRates = new ArrayList<>();
      List<Double> inputRates = new ArrayList<>();
      try (App app = cli.open(common)) {
        long l0 = System.nanoTime();
        app.parts().embedder().embed("load the model");
        cli.out.printf(Locale.ROOT, "model load %.2f s (not included below)%n", ms(System.nanoTime() - l0) / 1000);
        for (int r = 0; r < runs; r++) {
          IndexReport report = app.parts().index().reindex(true, IndexProgress.NONE);
          double s = report.elapsed().toNanos() / 1e9;
          long inputPieces = modelInputPieces(app);
          seconds.add(s);
          passageRates.add(report.passagesEmbedded() / s);
          pieceRates.add(report.wordPiecesEmbedded() / s);
          inputRates.add(inputPieces / s);
          cli.out.printf(Locale.ROOT, "run %d: %d articles, %d passages, %d passage word pieces, %d model input"
                  + " word pieces (title and [CLS]/[SEP] included) in %.1f s: %.1f passages/s, %.0f passage"
                  + " word pieces/s, %.0f model input word pieces/s; load %s%n",
              r + 1, report.articles(), report.passagesEmbedded(), report.wordPiecesEmbedded(), inputPieces, s,
              passageRates.get(r), pieceRates.get(r), inputRates.get(r), loadAverage());
          cli.out.flush();
        }
        cli.out.printf(Locale.ROOT, "median of %d: %.1f s, %.1f passages/s, %.0f passage word pieces/s,"
                + " %.0f model input word pieces/s%n",
            runs, median(seconds), median(passageRates), median(pieceRates), median(inputRates));
        cli.out.println("memory after indexing: " + memory());
      }
      if (peer) {
        peer(cli);
      }
      return OK;
    }

    private static long modelInputPieces(App app) throws IOException {
      IndexSnapshot snap = app.parts().index().current();
      PassageSplitter splitter = new PassageSplitter(text -> 0, app.parts().embedder().maxWordPieces());
      long total = 0;
      try (MiniLmTokenizer tokens = new MiniLmTokenizer()) {
        for (IndexSnapshot.StoredPassage p : snap.passages()) {
          ArticleMeta a = snap.articles().get(p.passage().articleId());
          total += tokens.count(splitter.embeddingText(a.title(), p.passage().text())) + 2;
        }
      }
      return total;
    }

    private void peer(Bench cli) throws IOException {
      var settings = cli.settings(common);
      ArticleReader reader = new ArticleReader();
      List<Document> docs = new ArrayList<>();
      for (CorpusFile f : new org.guizhoubot.corpus.Corpus(settings.corpusDir()).list().files()) {
        try {
          Article a = reader.read(f.path());
          docs.add(Document.from(a.title() + "\n\n" + a.body()));
        } catch (ArticleFormatException e) {
          cli.out.println("peer: skipping " + e.getMessage());
        }
      }
      long t0 = System.nanoTime();
      AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
      model.embed("load the model");
      long t1 = System.nanoTime();
      List<TextSegment> segments = DocumentSplitters.recursive(300, 0, new HuggingFaceTokenCountEstimator()).splitAll(docs);
      List<Embedding> embeddings = model.embedAll(segments).content();
      InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
      store.addAll(embeddings, segments);
      long t2 = System.nanoTime();
      double s = (t2 - t1) / 1e9;
      cli.out.printf(Locale.ROOT, "peer (langchain4j recursive(300) + embedAll + InMemoryEmbeddingStore): %d documents,"
              + " %d segments in %.1f s (%.1f segments/s; model load %.2f s not included); %s%n",
          docs.size(), segments.size(), s, segments.size() / s, (t1 - t0) / 1e9, memory());
    }
  }

  @Command(name = "noop", mixinStandardHelpOptions = true,
      description = {"Times the `index` command in a new JVM when nothing changed, and when one article changed.",
          "The changed article is the first corpus file: a sentence is appended, then the original is put back",
          "(both runs embed one article). Use a copy of the corpus."})
  static final class Noop implements Callable<Integer> {
    @ParentCommand Bench bench;
    @Mixin CommonOptions common;

    @Option(names = "--runs", defaultValue = "3", description = "Repetitions (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
      Bench cli = bench;
      header(cli, "noop");
      List<String> args = new ArrayList<>(List.of("index"));
      args.addAll(dirArgs(cli, common));
      runChild(cli, args);
      List<Double> noop = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        noop.add(runChild(cli, args));
      }
      cli.out.printf(Locale.ROOT, "no-op reindex (new JVM, `index`): runs %s ms, median %.0f ms; load %s%n",
          fmt(noop), median(noop), loadAverage());
      Path corpusDir = cli.settings(common).corpusDir();
      Path file;
      try (var files = Files.list(corpusDir)) {
        file = files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().findFirst()
            .orElseThrow(() -> new BadInputException("no .md article in " + corpusDir));
      }
      byte[] original = Files.readAllBytes(file);
      List<Double> changed = new ArrayList<>();
      try {
        for (int r = 0; r < runs; r++) {
          Files.writeString(file, new String(original, StandardCharsets.UTF_8).stripTrailing()
              + "\n\nThis sentence was added by the benchmark, run " + (r + 1) + ".\n", StandardCharsets.UTF_8);
          changed.add(runChild(cli, args));
          Files.write(file, original);
          changed.add(runChild(cli, args));
        }
      } finally {
        Files.write(file, original);
      }
      cli.out.printf(Locale.ROOT, "one changed article (%s; new JVM, `index`, model load included): runs %s ms,"
          + " median %.0f ms; load %s%n", file.getFileName(), fmt(changed), median(changed), loadAverage());
      return OK;
    }
  }

  @Command(name = "answer", mixinStandardHelpOptions = true,
      description = {"Answers the questions of a file warm (--rounds times each) and prints p50/p95 of retrieval,",
          "composition and total, the parts of retrieval, and exact against approximate vector search on this index."})
  static final class Answer implements Callable<Integer> {
    @ParentCommand Bench bench;
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "QUESTIONS.jsonl", description = "One JSON object per line with a \"question\".")
    Path file;

    @Option(names = "--rounds", defaultValue = "5", description = "Times each question is answered (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws IOException {
      Bench cli = bench;
      header(cli, "answer");
      List<String> questions = questions(file);
      try (App app = cli.open(common)) {
        IndexSnapshot snap = app.parts().index().current();
        cli.out.printf(Locale.ROOT, "index: %d articles, %d passages, vector index %s%n", snap.articles().size(),
            snap.passages().size(), snap.vectors().getClass().getSimpleName());
        for (String q : questions) {
          app.parts().answerer().answer(q);
        }
        List<Double> retrieve = new ArrayList<>();
        List<Double> compose = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        List<Double> embed = new ArrayList<>();
        List<Double> vector = new ArrayList<>();
        List<Double> rest = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          for (String q : questions) {
            AnswerResult a = app.parts().answerer().answer(q);
            retrieve.add(a.retrieveMs());
            compose.add(a.composeMs());
            total.add(a.totalMs());
            long t0 = System.nanoTime();
            float[] v = app.parts().embedder().embed(q);
            long t1 = System.nanoTime();
            snap.vectors().search(v, 40);
            long t2 = System.nanoTime();
            embed.add(ms(t1 - t0));
            vector.add(ms(t2 - t1));
            rest.add(Math.max(0, a.retrieveMs() - ms(t2 - t0)));
          }
        }
        cli.out.printf(Locale.ROOT, "%d questions x %d rounds, warm, %s composer; load %s%n", questions.size(), rounds,
            app.parts().composer().name(), loadAverage());
        line(cli, "retrieval", retrieve);
        line(cli, "composition", compose);
        line(cli, "total", total);
        cli.out.println("parts of retrieval, timed separately:");
        line(cli, "  embed question", embed);
        line(cli, "  vector search k=40", vector);
        line(cli, "  rest: BM25 + fusion", rest);
        cli.out.println("  (rest = retrieval minus embedding and vector search of the same question, timed separately)");
        compareVectorIndexes(cli, app, snap, questions);
      }
      return OK;
    }

    private static void compareVectorIndexes(Bench cli, App app, IndexSnapshot snap, List<String> questions) {
      VectorIndex current = snap.vectors();
      int n = current.size();
      int dim = current.dimension();
      float[] data = new float[n * dim];
      for (int i = 0; i < n; i++) {
        System.arraycopy(current.vector(i), 0, data, i * dim, dim);
      }
      List<float[]> queries = new ArrayList<>();
      for (String q : questions) {
        queries.add(app.parts().embedder().embed(q));
      }
      SplittableRandom random = new SplittableRandom(7);
      for (int i = 0; i < 200 && n > 0; i++) {
        queries.add(current.vector(random.nextInt(n)));
      }
      cli.out.printf(Locale.ROOT, "vector search on this index, %d queries (%d questions + passage vectors), k=10 and k=40:%n",
          queries.size(), questions.size());
      compare(cli, new FlatVectorIndex(data, n, dim), queries, null);
      compare(cli, new QuantizedVectorIndex(data, n, dim, Integer.MAX_VALUE, 1), queries, new FlatVectorIndex(data, n, dim));
      compare(cli, new QuantizedVectorIndex(data, n, dim, Integer.MAX_VALUE, Runtime.getRuntime().availableProcessors()), queries,
          new FlatVectorIndex(data, n, dim));
      compare(cli, new QuantizedVectorIndex(data, n, dim), queries, new FlatVectorIndex(data, n, dim));
    }
  }

  static void compare(Bench cli, VectorIndex index, List<float[]> queries, VectorIndex exact) {
    for (int w = 0; w < 3; w++) {
      for (float[] q : queries) {
        index.search(q, 40);
      }
    }
    List<Double> times = new ArrayList<>();
    double recall10 = 0;
    double recall40 = 0;
    for (float[] q : queries) {
      long t0 = System.nanoTime();
      List<VectorIndex.Hit> hits = index.search(q, 40);
      times.add(ms(System.nanoTime() - t0));
      if (exact != null) {
        List<VectorIndex.Hit> truth = exact.search(q, 40);
        recall10 += recall(hits.subList(0, Math.min(10, hits.size())), truth.subList(0, Math.min(10, truth.size())));
        recall40 += recall(hits, truth);
      }
    }
    String name = index instanceof QuantizedVectorIndex qi
        ? String.format(Locale.ROOT, "QuantizedVectorIndex (%d candidates%s, %d thr.)", qi.candidates(),
            qi.candidates() >= qi.size() ? ", exact" : "", qi.threads())
        : index.getClass().getSimpleName();
    cli.out.printf(Locale.ROOT, "  %-50s p50 %.3f ms  p95 %.3f ms  recall@10 %s  recall@40 %s%n", name,
        percentile(times, 50), percentile(times, 95),
        exact == null ? "1 (exact)" : String.format(Locale.ROOT, "%.4f", recall10 / queries.size()),
        exact == null ? "1 (exact)" : String.format(Locale.ROOT, "%.4f", recall40 / queries.size()));
  }

  static double recall(List<VectorIndex.Hit> got, List<VectorIndex.Hit> truth) {
    if (truth.isEmpty()) {
      return 1;
    }
    Set<Integer> want = new HashSet<>();
    truth.forEach(h -> want.add(h.position()));
    long found = got.stream().filter(h -> want.contains(h.position())).count();
    return (double) found / truth.size();
  }

  static void line(Bench cli, String what, List<Double> values) {
    cli.out.printf(Locale.ROOT, "  %-22s p50 %8.2f ms   p95 %8.2f ms%n", what, percentile(values, 50), percentile(values, 95));
  }

  static String fmt(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
  }

  /** The "question" of each line of a JSONL question file. */
  static List<String> questions(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("no such file: " + file);
    }
    List<String> out = new ArrayList<>();
    JsonLines.read(file, (lineNo, line) -> {
      JsonNode question = line.get("question");
      if (question == null) {
        throw new BadInputException(file.getFileName() + " line " + lineNo + ": no \"question\"");
      }
      out.add(question.asText());
    });
    return out;
  }

  @Command(name = "scale", mixinStandardHelpOptions = true,
      description = {"Vector search over a synthetic index of random unit vectors with generated text (written",
          "to DIR/synthetic-SIZE.db on first use, FTS5 left empty): load time, p50/p95, recall@10 against exact",
          "search, RSS; then langchain4j's InMemoryEmbeddingStore on the same vectors and the ratio."})
  static final class Scale implements Callable<Integer> {
    @ParentCommand Bench bench;

    @Option(names = "--size", defaultValue = "100000", description = "Passages (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--dir", defaultValue = "${java.io.tmpdir}", description = "Folder of the synthetic index files (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--queries", defaultValue = "100", description = "Random query vectors (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--peer-queries", defaultValue = "20", description = "Queries for InMemoryEmbeddingStore, 0 to skip it (default: ${DEFAULT-VALUE}).")
    int peerQueries;

    @Option(names = "--candidates", description = "Candidates re-scored exactly (default: the index's own).")
    Integer candidates;

    @Option(names = "--snapshot", description = "Only time the production load (loadSnapshot: texts and vectors) and its memory.")
    boolean snapshot;

    @Override
    public Integer call() {
      Bench cli = bench;
      header(cli, "scale --size " + size);
      if (size < 1) {
        throw new BadInputException("--size must be >= 1, was " + size);
      }
      int dim = MiniLmEmbedder.DIMENSION;
      Path file = dir.resolve("synthetic-" + size + ".db");
      if (!Files.exists(file)) {
        long g0 = System.nanoTime();
        SyntheticIndex.write(file, size, dim, MiniLmEmbedder.MODEL_NAME, 42);
        cli.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", file, (System.nanoTime() - g0) / 1e9);
        cli.out.flush();
      }
      if (snapshot) {
        long s0 = System.nanoTime();
        try (IndexStore store = IndexStore.open(file)) {
          IndexSnapshot snap = store.loadSnapshot(App::vectorIndexFor, dim);
          cli.out.printf(Locale.ROOT, "loadSnapshot: %d articles, %d passages with texts, %s, in %.2f s; %s%n",
              snap.articles().size(), snap.passages().size(), snap.vectors().getClass().getSimpleName(),
              (System.nanoTime() - s0) / 1e9, memory());
        }
        return OK;
      }
      float[] data;
      long l0 = System.nanoTime();
      data = VectorFile.load(file, dim);
      long l1 = System.nanoTime();
      int n = data.length / dim;
      VectorIndex chosen = App.vectorIndexFor(data, n, dim);
      long l2 = System.nanoTime();
      cli.out.printf(Locale.ROOT, "loaded %d vectors x %d from SQLite (embedding BLOBs only) in %.2f s; built %s in %.2f s;"
          + " load total %.2f s; %s%n", n, dim, (l1 - l0) / 1e9, chosen.getClass().getSimpleName(), (l2 - l1) / 1e9,
          (l2 - l0) / 1e9, memory());
      cli.out.flush();
      SplittableRandom random = new SplittableRandom(1234);
      List<float[]> qs = new ArrayList<>();
      for (int i = 0; i < queries; i++) {
        qs.add(SyntheticIndex.randomUnitVector(random, dim));
      }
      VectorIndex ours = candidates == null ? chosen
          : new QuantizedVectorIndex(data, n, dim, candidates, Runtime.getRuntime().availableProcessors());
      FlatVectorIndex flat = new FlatVectorIndex(data, n, dim);
      List<List<VectorIndex.Hit>> truth = new ArrayList<>();
      List<Double> flatTimes = new ArrayList<>();
      for (float[] q : qs) {
        long t0 = System.nanoTime();
        truth.add(flat.search(q, 10));
        flatTimes.add(ms(System.nanoTime() - t0));
      }
      for (int w = 0; w < 3; w++) {
        for (float[] q : qs) {
          ours.search(q, 10);
        }
      }
      List<Double> ourTimes = new ArrayList<>();
      double recall = 0;
      for (int i = 0; i < qs.size(); i++) {
        long t0 = System.nanoTime();
        List<VectorIndex.Hit> hits = ours.search(qs.get(i), 10);
        ourTimes.add(ms(System.nanoTime() - t0));
        recall += recall(hits, truth.get(i));
      }
      String name = ours instanceof QuantizedVectorIndex qi
          ? "QuantizedVectorIndex (" + qi.candidates() + " candidates re-scored, " + qi.threads() + " threads)"
          : ours.getClass().getSimpleName();
      cli.out.printf(Locale.ROOT, "%d random unit queries, k=10; load %s%n", qs.size(), loadAverage());
      cli.out.printf(Locale.ROOT, "  %-55s p50 %8.2f ms  p95 %8.2f ms  recall@10 %.4f%n", name,
          percentile(ourTimes, 50), percentile(ourTimes, 95), recall / qs.size());
      cli.out.printf(Locale.ROOT, "  %-55s p50 %8.2f ms  p95 %8.2f ms  recall@10 1 (exact)%n",
          "FlatVectorIndex (exact, one thread)", percentile(flatTimes, 50), percentile(flatTimes, 95));
      cli.out.println("memory with our index loaded: " + memory());
      cli.out.flush();
      if (peerQueries > 0) {
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        List<String> ids = new ArrayList<>(n);
        List<Embedding> embeddings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          ids.add(Integer.toString(i));
          embeddings.add(Embedding.from(Arrays.copyOfRange(data, i * dim, (i + 1) * dim)));
        }
        store.addAll(ids, embeddings, java.util.Collections.nCopies(n, (TextSegment) null));
        List<Double> peerTimes = new ArrayList<>();
        double peerRecall = 0;
        int m = Math.min(peerQueries, qs.size());
        for (int i = 0; i < m; i++) {
          long t0 = System.nanoTime();
          var result = store.search(EmbeddingSearchRequest.builder()
              .queryEmbedding(Embedding.from(qs.get(i))).maxResults(10).minScore(0.0).build());
          peerTimes.add(ms(System.nanoTime() - t0));
          Set<Integer> want = new HashSet<>();
          truth.get(i).forEach(h -> want.add(h.position()));
          peerRecall += result.matches().stream().filter(x -> want.contains(Integer.parseInt(x.embeddingId()))).count() / 10.0;
        }
        double ratio = percentile(peerTimes, 50) / percentile(ourTimes, 50);
        cli.out.printf(Locale.ROOT, "  %-55s p50 %8.2f ms  p95 %8.2f ms  recall@10 %.4f (%d queries)%n",
            "langchain4j InMemoryEmbeddingStore", percentile(peerTimes, 50), percentile(peerTimes, 95),
            peerRecall / m, m);
        cli.out.printf(Locale.ROOT, "  ratio InMemoryEmbeddingStore p50 / ours p50 = %.1f; FlatVectorIndex p50 / ours p50 = %.1f%n",
            ratio, percentile(flatTimes, 50) / percentile(ourTimes, 50));
      }
      return OK;
    }
  }

  @Command(name = "cold", mixinStandardHelpOptions = true,
      description = "Times `ask QUESTION` in a new JVM, start to answer, on an index that is up to date.")
  static final class Cold implements Callable<Integer> {
    @ParentCommand Bench bench;
    @Mixin CommonOptions common;

    @Option(names = "--runs", defaultValue = "5", description = "Repetitions (default: ${DEFAULT-VALUE}).")
    int runs;

    @Parameters(paramLabel = "QUESTION", arity = "0..*", description = "The question (default: a seed-corpus question).")
    List<String> words = List.of();

    @Override
    public Integer call() throws Exception {
      Bench cli = bench;
      header(cli, "cold");
      String q = words.isEmpty() ? "Who is the co-founder of Baishan Cloud?" : String.join(" ", words);
      List<String> args = new ArrayList<>(List.of("ask"));
      args.addAll(dirArgs(cli, common));
      args.add(q);
      List<Double> times = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        times.add(runChild(cli, args));
      }
      cli.out.printf(Locale.ROOT, "cold start to first answer (new JVM, `ask`): runs %s ms, median %.0f ms; load %s%n",
          fmt(times), median(times), loadAverage());
      return OK;
    }
  }


  @Command(name = "conversations", mixinStandardHelpOptions = true,
      description = {"Fills the conversation memory with CHATS chats of three turns each and prints the heap it holds,",
          "then twice as many chats to show that it stays at its bound (the default 10,000 conversations)."})
  static final class Conversations implements Callable<Integer> {
    @ParentCommand Bench bench;

    @Option(names = "--chats", defaultValue = "10000", description = "Chats (default: ${DEFAULT-VALUE}).")
    int chats;

    @Override
    public Integer call() {
      header(bench, "conversations");
      for (int n : new int[] {chats, 2 * chats}) {
        long before = usedHeap();
        org.guizhoubot.conversation.ConversationMemory memory =
            new org.guizhoubot.conversation.ConversationMemory(java.time.Duration.ofMinutes(30));
        long t0 = System.nanoTime();
        for (int c = 0; c < n; c++) {
          for (int t = 0; t < 3; t++) {
            memory.remember("tg:" + (1_000_000_000L + c) + ":" + (2_000_000L + c), turn(c, t, memory.now()));
          }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        long after = usedHeap();
        bench.out.printf(Locale.ROOT, "%d chats x 3 turns: %d conversations kept, heap held %.1f MiB (%.0f bytes a kept"
            + " conversation), %.0f ms to fill%n", n, memory.size(), (after - before) / 1048576.0,
            (after - before) / (double) Math.max(1, memory.size()), ms);
      }
      bench.out.println(memory());
      return OK;
    }

    private static org.guizhoubot.conversation.Turn turn(int chat, int t, java.time.Instant at) {
      return new org.guizhoubot.conversation.Turn(
          "How many big data companies has the Guian New Area attracted since it was set up, chat " + chat + " turn " + t + "?",
          List.of("Guian New Area", "Guizhou", "Big Data Expo", "Sun Zhigang"),
          List.of("many", "big", "data", "companies", "attracted", "set", "area", "new"),
          List.of("big-data-valley-expo", "big-data-valley-2017-expo"), at);
    }

    private static long usedHeap() {
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      Runtime r = Runtime.getRuntime();
      return r.totalMemory() - r.freeMemory();
    }
  }

  @Command(name = "chinese", mixinStandardHelpOptions = true,
      description = {"Times reading the bundled CC-CEDICT (as on the first Chinese question) and turning Chinese",
          "questions into English search words (the segmenter's own dictionaries load on the first one)."})
  static final class Chinese implements Callable<Integer> {
    @ParentCommand Bench bench;

    @Override
    public Integer call() {
      header(bench, "chinese");
      long t0 = System.nanoTime();
      org.guizhoubot.language.ChineseQueryTranslator translator = org.guizhoubot.language.ChineseQueryTranslator.bundled();
      double load = (System.nanoTime() - t0) / 1e6;
      String[] questions = {"贵阳有哪些大数据企业？", "孙志刚在博览会上说了什么？", "2018年有多少人参加了博览会？",
          "花溪大学城有几所大学？", "蘋果公司的數據中心在哪裡？"};
      long t1 = System.nanoTime();
      translator.translate(questions[0], w -> true);
      double first = (System.nanoTime() - t1) / 1e6;
      List<Double> times = new ArrayList<>();
      for (int r = 0; r < 20; r++) {
        for (String q : questions) {
          long t = System.nanoTime();
          translator.translate(q, w -> true);
          times.add((System.nanoTime() - t) / 1e6);
        }
      }
      bench.out.printf(Locale.ROOT, "dictionary read: %.0f ms; first question (segmenter dictionaries load): %.0f ms;"
          + " then median %.2f ms a question over %d; load %s%n", load, first, median(times), times.size(), loadAverage());
      bench.out.println(memory());
      return OK;
    }
  }
}
