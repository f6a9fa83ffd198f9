package org.guizhoubot.library;

import java.util.List;
import java.util.OptionalInt;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.answer.AnswerStream;
import org.guizhoubot.feed.Feed;
import org.guizhoubot.feed.Subscription;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.retrieval.RetrievedPassage;

/**
 * The application port: everything a front end (the CLI, the Telegram bot) asks of guizhou-bot.
 * Front ends call only this; implementations are chosen by {@code App}. Safe for concurrent use.
 */
public interface Library {
  /** Answers a question from one consistent snapshot of the index, or declines. */
  AnswerResult answer(String question);

  /**
   * Answers a question asked within a conversation: a follow-up ("and how many did it attract?") is
   * read with the conversation's previous question, for a limited time after it.
   */
  AnswerResult answer(String question, String conversation);

  /**
   * Answers as {@link #answer(String, String)} (a null conversation: none), with {@code stream}
   * hearing the answer while a language model writes it; by default it hears nothing.
   */
  default AnswerResult answer(String question, String conversation, AnswerStream stream) {
    return conversation == null ? answer(question) : answer(question, conversation);
  }

  /** Starts the conversation afresh: its next question is read on its own. */
  void forget(String conversation);

  /** The best {@code k} passages for a question, best first (for checking retrieval). */
  List<RetrievedPassage> search(String question, int k);

  /** The indexed articles, newest first (undated last, then by title). */
  List<ArticleMeta> articles();

  /**
   * Copies or fetches the sources into the corpus folder, then brings the index up to date. A source
   * that cannot be added is reported by name in the result and skipped; the others still go in. An
   * id taken by a different article is skipped as a conflict unless {@code replace}.
   */
  AddReport add(List<ArticleSource> sources, boolean replace, IndexProgress progress);

  /**
   * The largest upload named {@code fileName} that {@link #add} takes ({@link ArticleSource.Upload}),
   * or empty when articles of its type cannot be read.
   */
  OptionalInt uploadLimit(String fileName);

  /** Deletes the articles' files from the corpus and drops them from the index; unknown ids are reported. */
  RemoveReport remove(List<String> ids);

  /** Subscribes to an RSS or Atom feed, after fetching it once to check that it is one. */
  Subscription subscribe(String feedUrl);

  /** Ends a subscription (the articles it brought stay); false when the URL was not subscribed. */
  boolean unsubscribe(String feedUrl);

  /** The subscribed feeds with their polling state. */
  List<Feed> feeds();

  /**
   * Polls every feed once and indexes what arrived. With {@code force}, feeds backing off after
   * failures are polled too.
   */
  PollReport pollFeeds(boolean force, IndexProgress progress);

  /** Brings the index up to date with the corpus folder, waiting while another reindex runs. */
  IndexReport reindex(boolean full, IndexProgress progress);

  /** Like {@link #reindex}, but returns {@link Reindex.AlreadyRunning} at once if one is running. */
  Reindex reindexIfIdle(boolean full, IndexProgress progress);

  /** Counts and state of the index being served; loads (or first builds) the index if needed. */
  Status status();

  /**
   * What the served index holds, for a health check: never builds, loads or changes the index
   * (a missing index is reported as unusable, not created).
   */
  Health health();

  /** The outcome of {@link #reindexIfIdle}. */
  sealed interface Reindex {
    record Done(IndexReport report) implements Reindex {}

    record AlreadyRunning() implements Reindex {}
  }

  /** What the index being served holds. */
  record Status(int articles, int passages, long sizeBytes, boolean reindexing, java.nio.file.Path corpusDir) {}
}
