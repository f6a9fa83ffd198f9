package org.guizhoubot.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.ArticleFormatException;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.corpus.CorpusFile;
import org.guizhoubot.corpus.CorpusListing;
import org.guizhoubot.corpus.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index in line with the corpus folder. Only new or changed articles (by content
 * hash) are split and embedded, removed ones are dropped. Changes are committed in batches of whole
 * articles (see {@link Batching}, and at most 30 s apart), so an interrupted run keeps
 * what it finished, never half an article, and the next run goes on from there. A bad article is
 * reported by file name and skipped; if it was indexed before, its old version stays. Runs in other
 * processes on the same store take turns batch by batch ({@link PassageStore#inWriteTurn}), and a
 * run leaves out what another committed meanwhile, so each article is embedded once.
 */
public final class Indexer {
  private static final Logger log = LoggerFactory.getLogger(Indexer.class);

  /**
   * How work is grouped: passages handed to the embedder at once (whole articles, so a call may
   * exceed it by one article), and articles written per transaction at most.
   */
  public record Batching(int embedPassages, int commitArticles) {
    public static final Batching DEFAULT = new Batching(64, 100);

    public Batching {
      if (embedPassages < 1) {
        throw new IllegalArgumentException("embedPassages must be >= 1, was " + embedPassages);
      }
      if (commitArticles < 1) {
        throw new IllegalArgumentException("commitArticles must be >= 1, was " + commitArticles);
      }
    }
  }

  /** The longest time between two commits. */
  private static final long COMMIT_NANOS = 30_000_000_000L;

  private final Corpus corpus;
  private final ArticleReader reader;
  private final Supplier<PassageSplitter> splitter;
  private final Embedder embedder;
  private final PassageStore store;
  private final Batching batching;

  public Indexer(Corpus corpus, ArticleReader reader, Supplier<PassageSplitter> splitter,
      Embedder embedder, PassageStore store) {
    this(corpus, reader, splitter, embedder, store, Batching.DEFAULT);
  }

  public Indexer(Corpus corpus, ArticleReader reader, Supplier<PassageSplitter> splitter,
      Embedder embedder, PassageStore store, Batching batching) {
    this.batching = java.util.Objects.requireNonNull(batching, "batching");
    this.corpus = corpus;
    this.reader = reader;
    this.splitter = splitter;
    this.embedder = embedder;
    this.store = store;
  }

  /** The corpus folder this indexer reads. */
  public java.nio.file.Path corpusDir() {
    return corpus.dir();
  }

  /** Why the next run would rebuild from scratch, or empty when it can be incremental. */
  public Optional<Rebuild> rebuildReason() {
    return store.incompatibility(embedder.modelName(), embedder.dimension());
  }

  /**
   * Indexes the corpus. With {@code full} every article is embedded again.
   *
   * @throws IOException when the corpus folder cannot be listed
   * @throws IndexStoreException when the index cannot be written (it is then left as it was)
   */
  public synchronized IndexReport run(boolean full, IndexProgress progress) throws IOException {
    long t0 = System.nanoTime();
    CorpusListing listing = corpus.list();
    List<Problem> problems = new ArrayList<>(listing.skipped());
    Optional<Rebuild> reason = rebuildReason();
    Rebuild rebuildReason = full ? new Rebuild.Requested() : reason.orElse(null);
    // An incompatible index (or none) is dropped; --full re-embeds every article in place, so the
    // old vectors keep answering until each article's new ones are committed.
    boolean rebuild = full || reason.isPresent();
    boolean dropFirst = reason.isPresent() || (full && !store.writesInBatches());
    if (reason.orElse(null) instanceof Rebuild.Incompatible why) {
      log.info("Rebuilding the index from scratch: {}", why.describe());
    }
    Map<String, ArticleMeta> existing = dropFirst ? Map.of() : store.articles();

    List<Article> changed = new ArrayList<>();
    List<CorpusFile> changedFiles = new ArrayList<>();
    Set<String> present = new HashSet<>();
    int unchanged = 0;
    int added = 0;
    int updated = 0;
    for (CorpusFile f : listing.files()) {
      present.add(f.id());
      ArticleMeta old = existing.get(f.id());
      if (!full && old != null && old.contentHash().equals(f.contentHash())) {
        unchanged++;
        continue;
      }
      try {
        changed.add(reader.read(f.path()));
        changedFiles.add(f);
        if (old == null) {
          added++;
        } else {
          updated++;
        }
      } catch (ArticleFormatException e) {
        problems.add(new Problem(e.fileName(), e.problem()
            + (old == null ? "; skipped" : "; skipped, the indexed version is kept")));
        log.warn("Skipping {}", e.getMessage());
      }
    }
    List<String> removed = new ArrayList<>();
    for (String id : existing.keySet()) {
      if (!present.contains(id)) {
        removed.add(id);
      }
    }

    // The splitter loads the tokenizer, so it is asked for only when there is something to split.
    PassageSplitter s = changed.isEmpty() ? null : splitter.get();
    List<List<Passage>> split = new ArrayList<>();
    int totalPassages = 0;
    for (Article a : changed) {
      List<Passage> ps = s.split(a);
      split.add(ps);
      totalPassages += ps.size();
    }
    progress.started(changed.size(), totalPassages);
    if (!changed.isEmpty()) {
      store.markIndexing(listing.files().size(), ProcessHandle.current().pid());
    }
    Set<String> newIds = new HashSet<>();
    for (CorpusFile f : changedFiles) {
      if (!existing.containsKey(f.id())) {
        newIds.add(f.id());
      }
    }
    Work work = new Work(changed, changedFiles, newIds, split, s, removed, full, dropFirst, rebuild, progress);
    try {
      boolean more = !changed.isEmpty() || !removed.isEmpty() || rebuild;
      while (more) {
        more = store.inWriteTurn(work::turn);
      }
    } finally {
      if (!changed.isEmpty()) {
        store.clearIndexing();
      }
    }
    if (work.skippedNew + work.skippedUpdated > 0) {
      log.info("{} articles were indexed by another run meanwhile; not embedded again",
          work.skippedNew + work.skippedUpdated);
    }
    added -= work.skippedNew;
    updated -= work.skippedUpdated;
    unchanged += work.skippedNew + work.skippedUpdated;
    int passagesDone = work.passagesDone;
    long wordPieces = work.wordPieces;
    Map<String, ArticleMeta> now = store.articles();
    int passages = now.values().stream().mapToInt(ArticleMeta::passageCount).sum();
    IndexReport report = new IndexReport(now.size(), passages, added, updated, removed.size(), unchanged,
        passagesDone, wordPieces, problems, Duration.ofNanos(System.nanoTime() - t0), rebuildReason);
    progress.finished(report);
    log.info("Indexed {}", report.summary());
    return report;
  }

  /**
   * One run's embedding, done in turns: each turn leaves out the articles another run committed
   * meanwhile (same id and content hash, in a compatible index), embeds whole articles and commits
   * a batch of them; the last turn commits what is left.
   */
  private final class Work {
    private final List<Article> changed;
    private final List<CorpusFile> files;
    private final List<List<Passage>> split;
    private final PassageSplitter splitter;
    private final List<String> removed;
    private final boolean full;
    private final boolean dropFirst;
    private final boolean rebuild;
    private final IndexProgress progress;
    private final Set<String> adding;
    private final List<IndexChange.Upsert> upserts = new ArrayList<>();
    private boolean firstCommit = true;
    private long lastCommit = System.nanoTime();
    private int next;
    int passagesDone;
    long wordPieces;
    int skippedNew;
    int skippedUpdated;

    Work(List<Article> changed, List<CorpusFile> files, Set<String> adding, List<List<Passage>> split,
        PassageSplitter splitter, List<String> removed, boolean full, boolean dropFirst, boolean rebuild,
        IndexProgress progress) {
      this.changed = changed;
      this.files = files;
      this.adding = adding;
      this.split = split;
      this.splitter = splitter;
      this.removed = removed;
      this.full = full;
      this.dropFirst = dropFirst;
      this.rebuild = rebuild;
      this.progress = progress;
    }

    /** One turn, holding the store's write turn; true when there is more to do. */
    boolean turn() {
      boolean compatible = store.incompatibility(embedder.modelName(), embedder.dimension()).isEmpty();
      Map<String, ArticleMeta> committed = full || !compatible || next >= changed.size() ? Map.of() : store.articles();
      while (next < changed.size()) {
        // Embed several articles' passages in one call so that the embedder can keep every core busy.
        List<Integer> group = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        while (next < changed.size()
            && (group.isEmpty() || texts.size() + split.get(next).size() <= batching.embedPassages())) {
          CorpusFile f = files.get(next);
          ArticleMeta there = committed.get(f.id());
          if (there != null && there.contentHash().equals(f.contentHash())) {
            if (adding.contains(f.id())) {
              skippedNew++;
            } else {
              skippedUpdated++;
            }
            next++;
            progress.embedded(next, passagesDone);
            continue;
          }
          group.add(next);
          for (Passage p : split.get(next)) {
            texts.add(splitter.embeddingText(changed.get(next).title(), p.text()));
          }
          next++;
        }
        if (!group.isEmpty()) {
          embed(group, texts);
        }
        // Each commit holds whole articles: after a crash every article is fully indexed or absent,
        // and the next run embeds only what is missing.
        if (store.writesInBatches() && next < changed.size()
            && (upserts.size() >= batching.commitArticles() || System.nanoTime() - lastCommit > COMMIT_NANOS)) {
          commit(compatible);
          progress.committed(next, changed.size());
          return true;
        }
      }
      if (firstCommit ? (rebuild || !upserts.isEmpty() || !removed.isEmpty()) : !upserts.isEmpty()) {
        commit(compatible);
        progress.committed(changed.size(), changed.size());
      }
      return false;
    }

    private void embed(List<Integer> group, List<String> texts) {
      List<float[]> batch = embedder.embedAll(texts);
      if (batch.size() != texts.size()) {
        throw new IllegalStateException("embedder returned " + batch.size() + " vectors for " + texts.size()
            + " passages of articles " + changed.get(group.get(0)).id() + " to "
            + changed.get(group.get(group.size() - 1)).id());
      }
      int offset = 0;
      for (int i : group) {
        Article a = changed.get(i);
        List<Passage> ps = split.get(i);
        List<float[]> vectors = new ArrayList<>(batch.subList(offset, offset + ps.size()));
        offset += ps.size();
        for (Passage p : ps) {
          wordPieces += p.wordPieces();
        }
        passagesDone += ps.size();
        CorpusFile f = files.get(i);
        upserts.add(new IndexChange.Upsert(
            new ArticleMeta(a.id(), a.title(), a.source(), a.published(), a.url(), a.category(),
                f.contentHash(), ps.size()),
            f.path().getFileName().toString(), ps, vectors));
        progress.embedded(i + 1, passagesDone);
      }
    }

    /**
     * Writes the batch; the first commit of a rebuild drops the old index, unless another run has
     * meanwhile built a compatible one (a full run on a store without batches always drops).
     */
    private void commit(boolean compatible) {
      boolean drop = firstCommit && dropFirst && (!compatible || (full && !store.writesInBatches()));
      applyWaiting(new IndexChange(firstCommit ? removed : List.of(), List.copyOf(upserts)), drop);
      firstCommit = false;
      upserts.clear();
      lastCommit = System.nanoTime();
    }
  }

  /** Tries this many times, each waiting up to the busy timeout, before the embeddings are given up. */
  static final int WRITE_ATTEMPTS = 3;

  /** Writes the change, trying again while another process holds the write lock. */
  private void applyWaiting(IndexChange change, boolean rebuild) {
    for (int attempt = 1; ; attempt++) {
      try {
        store.apply(change, embedder.modelName(), embedder.dimension(), rebuild);
        return;
      } catch (IndexStoreException.Busy e) {
        if (attempt == WRITE_ATTEMPTS) {
          throw e;
        }
        log.warn("The index is locked by another process; trying again ({} of {})", attempt + 1, WRITE_ATTEMPTS);
      }
    }
  }
}
