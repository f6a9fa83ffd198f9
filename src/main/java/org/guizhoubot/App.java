package org.guizhoubot;

import org.guizhoubot.answer.reader.LazyCrossEncoder;
import org.guizhoubot.answer.reader.ReaderJudge;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.guizhoubot.concurrent.DaemonThreads;
import org.guizhoubot.answer.AnswerComposer;
import org.guizhoubot.answer.ChatBackend;
import org.guizhoubot.answer.ExtractiveComposer;
import org.guizhoubot.answer.LlmComposer;
import org.guizhoubot.answer.LlmQuestionTranslation;
import org.guizhoubot.answer.OpenAiChatBackend;
import org.guizhoubot.answer.QuestionAnswerer;
import org.guizhoubot.conversation.ConversationMemory;
import org.guizhoubot.language.ChineseQueryTranslator;
import org.guizhoubot.language.QuestionTranslation;
import org.guizhoubot.config.Settings;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.corpus.CorpusImporter;
import org.guizhoubot.feed.FeedPoller;
import org.guizhoubot.feed.FeedStore;
import org.guizhoubot.fetch.SafeFetcher;
import org.guizhoubot.index.Embedder;
import org.guizhoubot.sqlite.IndexStore;
import org.guizhoubot.sqlite.LiveIndex;
import org.guizhoubot.index.Indexer;
import org.guizhoubot.index.LazyEmbedder;
import org.guizhoubot.index.MiniLmTokenizer;
import org.guizhoubot.index.PassageSplitter;
import org.guizhoubot.sqlite.QuantizedVectorIndex;
import org.guizhoubot.sqlite.VectorIndex;
import org.guizhoubot.library.Library;
import org.guizhoubot.library.LocalLibrary;
import org.guizhoubot.library.ServingIndex;
import org.guizhoubot.sqlite.SqliteIndex;
import org.guizhoubot.retrieval.HybridRetriever;
import org.guizhoubot.solr.SolrIndex;
import org.guizhoubot.solr.SolrServing;

/** Wires the parts of guizhou-bot together; the one place where implementations are chosen. */
public final class App implements AutoCloseable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(App.class);
  private final boolean ownsEmbedder;
  private final Settings settings;
  private final Corpus corpus;
  private final IndexStore store;
  private final SolrIndex solr;
  private final Embedder embedder;
  private final LiveIndex index;
  private final ServingIndex serving;
  private final HybridRetriever retriever;
  private final AnswerComposer composer;
  private final LazyCrossEncoder crossEncoder;
  /** Null without an LLM. */
  private final LlmQuestionTranslation translation;
  private final QuestionAnswerer answerer;
  private final CorpusImporter importer;
  private final SafeFetcher fetcher;
  private final Library library;
  /** Runs the SQLite index's background refreshes (a change made by another process). */
  private final ExecutorService refreshes = Executors.newSingleThreadExecutor(DaemonThreads.factory("index-refresh"));
  private volatile PassageSplitter splitter;
  private FeedStore feedStore;
  private FeedPoller feedPoller;

  /** An app over a model the caller owns (and closes). */
  public App(Settings settings, Embedder embedder, VectorIndex.Factory vectors) {
    this(settings, embedder, vectors, false);
  }

  private App(Settings settings, Embedder embedder, VectorIndex.Factory vectors, boolean ownsEmbedder) {
    this.ownsEmbedder = ownsEmbedder;
    this.settings = settings;
    this.embedder = embedder;
    this.corpus = new Corpus(settings.corpusDir(), settings.maxArticleBytes());
    ArticleReader reader = new ArticleReader();
    this.fetcher = SafeFetcher.of(settings.fetchAllowPrivate());
    this.importer = new CorpusImporter(corpus, reader, fetcher);
    if (settings.solrIndex()) {
      this.store = null;
      this.index = null;
      this.solr = SolrIndex.connect(settings.solr());
      this.serving = new SolrServing(solr, new Indexer(corpus, reader, this::splitter, embedder, solr));
    } else {
      this.solr = null;
      this.store = IndexStore.at(settings.indexFile());
      Indexer indexer = new Indexer(corpus, reader, this::splitter, embedder, store);
      this.index = new LiveIndex(indexer, store, vectors, embedder.dimension(), refreshes);
      this.serving = new SqliteIndex(index);
    }
    this.retriever = new HybridRetriever(serving, embedder, HybridRetriever.Fusion.DEFAULT);
    this.crossEncoder = new LazyCrossEncoder(Runtime.getRuntime().availableProcessors());
    ExtractiveComposer extractive = ReaderJudge.composer(crossEncoder);
    if (settings.llmEnabled()) {
      ChatBackend llm = OpenAiChatBackend.of(settings);
      this.composer = new LlmComposer(llm, extractive, settings.llmTimeout().plusSeconds(1));
      this.translation = new LlmQuestionTranslation(llm, translationDeadline(settings.llmTimeout()));
    } else {
      this.composer = extractive;
      this.translation = null;
    }
    this.answerer = new QuestionAnswerer(retriever, composer, ChineseQueryTranslator::bundled,
        new ConversationMemory(settings.conversationTtl()),
        translation == null ? QuestionTranslation.NONE : translation);
    this.library = new LocalLibrary(corpus, importer, serving, answerer, this::feedPoller);
  }

  /**
   * The longest a Chinese question waits for the LLM's English before the dictionary's is used:
   * the LLM timeout, but at most {@link #MAX_TRANSLATION_WAIT}, as the answer's own call follows.
   */
  static java.time.Duration translationDeadline(java.time.Duration llmTimeout) {
    return llmTimeout.compareTo(MAX_TRANSLATION_WAIT) < 0 ? llmTimeout : MAX_TRANSLATION_WAIT;
  }

  static final java.time.Duration MAX_TRANSLATION_WAIT = java.time.Duration.ofSeconds(4);

  /** Below this many passages every search is exact (see BENCHMARKS.md). */
  public static final int EXACT_SEARCH_BELOW = 20_000;

  /**
   * The production wiring: MiniLM loaded on first use, in-memory vector search chosen by size. The
   * app owns the model and closes it. (The JDK 17 HTTP client has no close; its thread ends with it.)
   */
  public static App open(Settings settings) {
    return new App(settings, LazyEmbedder.miniLm(), App::vectorIndexFor, true);
  }

  /**
   * The vector index for a corpus of this size: below {@link #EXACT_SEARCH_BELOW} passages an exact
   * scan over all cores, above that a sign-bit scan with exact re-scoring of the best candidates.
   */
  public static VectorIndex vectorIndexFor(float[] vectors, int count, int dimension) {
    int threads = Runtime.getRuntime().availableProcessors();
    return count < EXACT_SEARCH_BELOW
        ? new QuantizedVectorIndex(vectors, count, dimension, Integer.MAX_VALUE, threads)
        : new QuantizedVectorIndex(vectors, count, dimension, QuantizedVectorIndex.defaultCandidates(count), threads);
  }

  private PassageSplitter splitter() {
    PassageSplitter s = splitter;
    if (s == null) {
      synchronized (this) {
        if (splitter == null) {
          splitter = new PassageSplitter(new MiniLmTokenizer(), embedder.maxWordPieces());
        }
        s = splitter;
      }
    }
    return s;
  }

  private synchronized FeedPoller feedPoller() {
    if (feedPoller == null) {
      feedStore = FeedStore.open(settings.feedsFile());
      feedPoller = new FeedPoller(feedStore, fetcher, importer, Clock.systemUTC());
    }
    return feedPoller;
  }

  /** The application port that every front end calls. */
  public Library library() {
    return library;
  }

  public Settings settings() {
    return settings;
  }

  /** The parts the app wired, for the bench, tests that drive one directly, and the bot's warm-up. */
  public Parts parts() {
    return new Parts(corpus, importer, index, retriever, composer, answerer, embedder, crossEncoder);
  }

  /**
   * The parts behind {@link #library()}; {@code index} is the SQLite index, null with
   * {@code index.store=solr}; {@code reader} is the answer reader, loaded on first use.
   */
  public record Parts(Corpus corpus, CorpusImporter importer, LiveIndex index, HybridRetriever retriever,
      AnswerComposer composer, QuestionAnswerer answerer, Embedder embedder, LazyCrossEncoder reader) {
    /**
     * Loads the Chinese dictionary (with its segmenter) and the reader now, on the calling thread,
     * so that a bot's first question does not wait for them. Call it before the bot's threads
     * start: Lucene's analysis classes can deadlock when two threads initialise them at once (the
     * smartcn segmenter here, the keyword index on a worker); a dictionary that fails to load is
     * logged and left to the first Chinese question.
     */
    public void warmUp() {
      try {
        ChineseQueryTranslator.bundled();
      } catch (RuntimeException | Error e) {
        log.warn("Could not load the Chinese dictionary", e);
      }
      reader.load();
    }

    /** The SQLite index; only with {@code index.store=sqlite}. */
    public LiveIndex index() {
      if (index == null) {
        throw new IllegalStateException("the index is in Solr (index.store=solr); this needs the SQLite index");
      }
      return index;
    }
  }

  /**
   * Closes what the app opened: the composer's and the LLM translation's threads, the index
   * refresh thread, the model's session and threads, the index file.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (feedStore != null) {
        feedStore.close();
      }
    }
    AutoCloseable model = ownsEmbedder ? embedder : () -> { };
    AutoCloseable indexStore = store != null ? store : solr;
    AutoCloseable llmTranslation = translation != null ? translation : () -> { };
    AutoCloseable refreshing = () -> DaemonThreads.stop(refreshes, 2000);
    try (indexStore; refreshing; model; crossEncoder; composer; llmTranslation) {
      log.debug("Closing the app over {}", settings.indexFile());
    } catch (Exception e) {
      log.warn("Closing the app failed", e);
    }
  }
}
