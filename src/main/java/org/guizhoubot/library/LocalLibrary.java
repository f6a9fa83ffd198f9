package org.guizhoubot.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.answer.AnswerStream;
import org.guizhoubot.answer.QuestionAnswerer;
import org.guizhoubot.corpus.AddOutcome;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.ArticleIds;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.corpus.CorpusImporter;
import org.guizhoubot.corpus.JsonlImport;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.feed.Feed;
import org.guizhoubot.feed.FeedPoller;
import org.guizhoubot.feed.FeedResult;
import org.guizhoubot.feed.Subscription;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.retrieval.RetrievedPassage;

/** The library over a corpus folder and its index (SQLite or Solr): what every front end calls. */
public final class LocalLibrary implements Library {
  /** Newest first; undated articles last; then by title and id. */
  public static final Comparator<ArticleMeta> NEWEST_FIRST = Comparator
      .comparing((ArticleMeta a) -> a.published() == null || a.published().isBlank() ? "" : a.published(),
          Comparator.reverseOrder())
      .thenComparing(ArticleMeta::title)
      .thenComparing(ArticleMeta::id);

  private final Corpus corpus;
  private final CorpusImporter importer;
  private final ServingIndex index;
  private final QuestionAnswerer answerer;
  private final Supplier<FeedPoller> feeds;

  /** @param feeds the feed poller, asked for only when feeds are used (it opens its own file) */
  public LocalLibrary(Corpus corpus, CorpusImporter importer, ServingIndex index,
      QuestionAnswerer answerer, Supplier<FeedPoller> feeds) {
    this.corpus = Objects.requireNonNull(corpus, "corpus");
    this.importer = Objects.requireNonNull(importer, "importer");
    this.index = Objects.requireNonNull(index, "index");
    this.answerer = Objects.requireNonNull(answerer, "answerer");
    this.feeds = Objects.requireNonNull(feeds, "feeds");
  }

  @Override
  public AnswerResult answer(String question) {
    index.refreshIfChanged();
    return answerer.answer(question);
  }

  @Override
  public AnswerResult answer(String question, String conversation) {
    index.refreshIfChanged();
    return answerer.answer(question, Objects.requireNonNull(conversation, "conversation"));
  }

  @Override
  public AnswerResult answer(String question, String conversation, AnswerStream stream) {
    index.refreshIfChanged();
    return answerer.answer(question, conversation, Objects.requireNonNull(stream, "stream"));
  }

  @Override
  public void forget(String conversation) {
    answerer.forget(Objects.requireNonNull(conversation, "conversation"));
  }

  @Override
  public List<RetrievedPassage> search(String question, int k) {
    index.refreshIfChanged();
    return answerer.search(question, k).passages();
  }

  @Override
  public List<ArticleMeta> articles() {
    index.refreshIfChanged();
    List<ArticleMeta> list = new ArrayList<>(index.articles().values());
    list.sort(NEWEST_FIRST);
    return list;
  }

  @Override
  public AddReport add(List<ArticleSource> sources, boolean replace, IndexProgress progress) {
    List<AddOutcome> stored = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<AddOutcome.Conflict> conflicts = new ArrayList<>();
    for (ArticleSource source : sources) {
      List<AddOutcome> outcomes = new ArrayList<>();
      if (source instanceof ArticleSource.File f) {
        outcomes.add(importer.addFile(f.path(), replace));
      } else if (source instanceof ArticleSource.Url u) {
        outcomes.add(importer.addUrl(u.url(), replace));
      } else if (source instanceof ArticleSource.Upload u) {
        outcomes.add(importer.addBytes(u.fileName(), u.bytes(), replace));
      } else if (source instanceof ArticleSource.Jsonl j) {
        try {
          JsonlImport result = importer.importJsonl(j.path(), replace);
          outcomes.addAll(result.stored());
          problems.addAll(result.problems());
        } catch (IOException e) {
          problems.add(new Problem(source.name(), "cannot be read (" + e.getMessage() + ")"));
        }
      }
      for (AddOutcome o : outcomes) {
        if (o.stored()) {
          stored.add(o);
        }
        if (o instanceof AddOutcome.Conflict c) {
          conflicts.add(c);
        }
        o.skipped().ifPresent(problems::add);
      }
    }
    boolean wrote = stored.stream().anyMatch(o -> !(o instanceof AddOutcome.Unchanged));
    Optional<IndexReport> report = wrote ? Optional.of(reindex(false, progress)) : Optional.empty();
    Map<String, ArticleMeta> indexed = index.articles();
    List<AddReport.Added> added = new ArrayList<>();
    for (AddOutcome o : stored) {
      Article a = o.storedArticle().orElseThrow();
      ArticleMeta meta = indexed.get(a.id());
      AddReport.Change change = o instanceof AddOutcome.Replaced ? AddReport.Change.REPLACED
          : o instanceof AddOutcome.Unchanged ? AddReport.Change.UNCHANGED : AddReport.Change.NEW;
      added.add(new AddReport.Added(a.id(), a.title(), meta == null ? 0 : meta.passageCount(), change));
    }
    return new AddReport(added, problems, conflicts, report);
  }

  @Override
  public RemoveReport remove(List<String> ids) {
    List<RemoveReport.Removed> removed = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<String> known = new ArrayList<>();
    for (String id : new java.util.LinkedHashSet<>(ids)) {
      if (!ArticleIds.isSafe(id)) {
        problems.add(new Problem(id, "is not an article id"));
      } else if (corpus.fileOf(id).isEmpty()) {
        problems.add(new Problem(id, "no such article in " + corpus.dir()));
      } else {
        known.add(id);
      }
    }
    if (known.isEmpty()) {
      return new RemoveReport(removed, problems, Optional.empty());
    }
    Map<String, ArticleMeta> indexed = index.articles();
    for (String id : known) {
      try {
        List<String> files = corpus.remove(id);
        if (files.isEmpty()) {
          problems.add(new Problem(id, "no such article in " + corpus.dir()));
        } else {
          ArticleMeta meta = indexed.get(id);
          removed.add(new RemoveReport.Removed(id, meta == null ? id : meta.title(), files));
        }
      } catch (IOException e) {
        problems.add(new Problem(id, "cannot be deleted (" + e.getMessage() + ")"));
      }
    }
    return new RemoveReport(removed, problems,
        removed.isEmpty() ? Optional.empty() : Optional.of(reindex(false, IndexProgress.NONE)));
  }

  @Override
  public OptionalInt uploadLimit(String fileName) {
    return ArticleReader.isSupported(fileName) ? OptionalInt.of(CorpusImporter.maxBytes(fileName)) : OptionalInt.empty();
  }

  @Override
  public Subscription subscribe(String feedUrl) {
    return feeds.get().subscribe(feedUrl);
  }

  @Override
  public boolean unsubscribe(String feedUrl) {
    return feeds.get().unsubscribe(feedUrl);
  }

  @Override
  public List<Feed> feeds() {
    return feeds.get().feeds();
  }

  @Override
  public PollReport pollFeeds(boolean force, IndexProgress progress) {
    List<FeedResult> results = feeds.get().poll(force);
    PollReport report = new PollReport(results, null);
    return report.newArticles() == 0 ? report : new PollReport(results, reindex(false, progress));
  }

  @Override
  public IndexReport reindex(boolean full, IndexProgress progress) {
    try {
      return index.reindex(full, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("reindexing " + corpus.dir() + " failed", e);
    }
  }

  @Override
  public Reindex reindexIfIdle(boolean full, IndexProgress progress) {
    try {
      Optional<IndexReport> report = index.tryReindex(full, progress);
      return report.<Reindex>map(Reindex.Done::new).orElseGet(Reindex.AlreadyRunning::new);
    } catch (IOException e) {
      throw new UncheckedIOException("reindexing " + corpus.dir() + " failed", e);
    }
  }

  @Override
  public Status status() {
    org.guizhoubot.retrieval.IndexView view = index.current();
    return new Status(view.articleCount(), view.passageCount(), index.sizeBytes(), index.isReindexing(),
        corpus.dir());
  }

  @Override
  public Health health() {
    return index.health();
  }
}
