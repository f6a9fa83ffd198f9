package org.guizhoubot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One question of a conversation as remembered for the next: the question, the names and key terms
 * it asked about (in English, also for a Chinese question), the articles its answer cited, and
 * what its answer was about: the names of the cited sentences, each with its kind, the ones the
 * question also named first.
 */
public record Turn(String question, List<String> names, List<String> terms, List<String> citedArticles, Instant at,
    List<Entity> answered) {
  /** Longest question kept, in characters, so one turn's memory stays small. */
  static final int MAX_QUESTION = 500;
  /** Most names, terms or articles kept per turn. */
  static final int MAX_ITEMS = 12;

  public Turn {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(at, "at");
    question = question.length() > MAX_QUESTION ? question.substring(0, MAX_QUESTION) : question;
    names = cap(names, "names");
    terms = cap(terms, "terms");
    citedArticles = cap(citedArticles, "citedArticles");
    answered = cap(answered, "answered");
  }

  /** A turn whose answer named nothing (or was declined). */
  public Turn(String question, List<String> names, List<String> terms, List<String> citedArticles, Instant at) {
    this(question, names, terms, citedArticles, at, List.of());
  }

  private static <T> List<T> cap(List<T> items, String name) {
    Objects.requireNonNull(items, name);
    return List.copyOf(items.size() > MAX_ITEMS ? items.subList(0, MAX_ITEMS) : items);
  }
}
