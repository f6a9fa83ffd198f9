package org.guizhoubot.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.answer.QuestionAnswerer;
import org.guizhoubot.corpus.ArticleFormatException;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.corpus.CorpusImporter;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.retrieval.IndexView;
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

  public LocalLibrary(Corpus corpus, CorpusImporter importer, ServingIndex index,
      QuestionAnswerer answerer) {
    this.corpus = Objects.requireNonNull(corpus, "corpus");
    this.importer = Objects.requireNonNull(importer, "importer");
    this.index = Objects.requireNonNull(index, "index");
    this.answerer = Objects.requireNonNull(answerer, "answerer");
  }

  @Override
  public AnswerResult answer(String question) {
    return answerer.answer(question);
  }

  @Override
  public AnswerResult answer(String question, String conversation) {
    return answerer.answer(question, Objects.requireNonNull(conversation, "conversation"));
  }

  @Override
  public void forget(String conversation) {
    answerer.forget(Objects.requireNonNull(conversation, "conversation"));
  }

  @Override
  public List<RetrievedPassage> search(String question, int k) {
    return answerer.search(question, k).passages();
  }

  @Override
  public List<ArticleMeta> articles() {
    List<ArticleMeta> list = new ArrayList<>(index.current().articles().values());
    list.sort(NEWEST_FIRST);
    return list;
  }

  @Override
  public AddReport add(List<ArticleSource> sources, IndexProgress progress) {
    List<String> written = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (ArticleSource source : sources) {
      try {
        if (source instanceof ArticleSource.File f) {
          written.add(importer.addFile(f.path()).id());
        } else if (source instanceof ArticleSource.Url u) {
          written.add(importer.addUrl(u.url()).id());
        } else if (source instanceof ArticleSource.Upload u) {
          written.add(importer.addBytes(u.fileName(), u.bytes()).id());
        } else if (source instanceof ArticleSource.Jsonl j) {
          CorpusImporter.JsonlImport result = importer.importJsonl(j.path());
          written.addAll(result.ids());
          problems.addAll(result.problems());
        }
      } catch (ArticleFormatException e) {
        problems.add(new Problem(e.fileName(), e.problem()));
      } catch (IOException e) {
        problems.add(new Problem(source.name(), "cannot be read (" + e.getMessage() + ")"));
      }
    }
    if (written.isEmpty()) {
      return new AddReport(List.of(), problems, Optional.empty());
    }
    IndexReport report = reindex(false, progress);
    Map<String, ArticleMeta> indexed = index.current().articles();
    List<AddReport.Added> added = new ArrayList<>();
    for (String id : new java.util.LinkedHashSet<>(written)) {
      ArticleMeta meta = indexed.get(id);
      added.add(meta == null ? new AddReport.Added(id, id, 0)
          : new AddReport.Added(id, meta.title(), meta.passageCount()));
    }
    return new AddReport(added, problems, Optional.of(report));
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
    IndexView view = index.current();
    return new Status(view.articleCount(), view.passageCount(), index.sizeBytes(),
        index.isReindexing(), corpus.dir());
  }
}
