package org.guizhoubot.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.guizhoubot.conversation.Entity;
import org.guizhoubot.index.Sentences;
import org.guizhoubot.retrieval.RetrievedPassage;

/**
 * Which company a sentence's "the company" (or "the firm") stands for: the last company named
 * before it, in its passage or else in an earlier retrieved passage of the same article.
 */
public final class CompanyReference {
  private static final Pattern THE_COMPANY = Pattern.compile("(?i)\\bthe (?:company|firm)\\b");

  private CompanyReference() {}

  /**
   * The company {@code c} refers to; empty when it does not say "the company", names a company
   * itself, or none is named before it.
   *
   * @param sentences each retrieved passage's sentences, as the candidates index them
   */
  public static Optional<String> of(SentenceCandidate c, List<List<Sentences.Span>> sentences,
      List<RetrievedPassage> passages) {
    if (!THE_COMPANY.matcher(c.text()).find() || !named(c.text()).isEmpty()) {
      return Optional.empty();
    }
    List<Sentences.Span> own = sentences.get(c.passage());
    for (int i = c.index() - 1; i >= 0; i--) {
      List<String> named = named(own.get(i).text());
      if (!named.isEmpty()) {
        return Optional.of(named.get(named.size() - 1));
      }
    }
    RetrievedPassage p = passages.get(c.passage());
    List<Integer> earlier = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      RetrievedPassage o = passages.get(i);
      if (o.article().id().equals(p.article().id()) && o.passage().ordinal() < p.passage().ordinal()) {
        earlier.add(i);
      }
    }
    earlier.sort(Comparator.comparingInt((Integer i) -> passages.get(i).passage().ordinal()).reversed());
    for (int i : earlier) {
      List<String> named = named(passages.get(i).passage().text());
      if (!named.isEmpty()) {
        return Optional.of(named.get(named.size() - 1));
      }
    }
    return Optional.empty();
  }

  /** The companies {@code text} names, in order. */
  public static List<String> named(String text) {
    return Entity.in(text).stream().filter(e -> e.kind() == Entity.Kind.COMPANY).map(Entity::name).toList();
  }

  /**
   * {@code c}'s text with the company its "the company" stands for named after it in parentheses,
   * as a reader of the sentence alone would need; the text unchanged when there is none.
   */
  public static String resolved(SentenceCandidate c, List<List<Sentences.Span>> sentences, List<RetrievedPassage> passages) {
    return of(c, sentences, passages).map(name -> naming(c.text(), name)).orElse(c.text());
  }

  /** {@code text} with {@code name} in parentheses after its first "the company". */
  public static String naming(String text, String name) {
    var m = THE_COMPANY.matcher(text);
    return m.find() ? text.substring(0, m.end()) + " (" + name + ")" + text.substring(m.end()) : text;
  }
}
