package org.guizhoubot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.guizhoubot.conversation.ConversationMemory;
import org.guizhoubot.conversation.Expansion;
import org.guizhoubot.conversation.FollowUps;
import org.guizhoubot.conversation.Turn;
import org.guizhoubot.language.ChineseQueryTranslator;
import org.guizhoubot.language.EnglishQuery;
import org.guizhoubot.language.Language;
import org.guizhoubot.language.QuestionTranslation;
import org.guizhoubot.retrieval.IndexView;
import org.guizhoubot.retrieval.Retrieval;
import org.guizhoubot.retrieval.Retriever;
import org.guizhoubot.retrieval.Search;
import org.guizhoubot.retrieval.TermStats;
import org.guizhoubot.text.QueryTerms;

/**
 * Answers a question: reads it (a Chinese question becomes English search words; a follow-up in a
 * conversation is expanded with the previous turn), retrieves passages, then lets the composer
 * answer or decline, in the question's language.
 */
public final class QuestionAnswerer {
  /** Passages handed to the composer. */
  public static final int PASSAGES = 6;
  /** Longer messages get a note instead of a search, and only this much of them is echoed. */
  public static final int MAX_QUESTION_CHARS = 1000;
  static final String TOO_LONG = "Please ask a shorter question (at most 1,000 characters).";
  /** Weight of the expanded search's ranking against the question as asked (weight 1). */
  static final double EXPANDED_WEIGHT = 1.5;

  private final Retriever retriever;
  private final AnswerComposer composer;
  private final Supplier<ChineseQueryTranslator> translator;
  private final ConversationMemory memory;
  private final QuestionTranslation translation;

  /**
   * @param translator the dictionary translator, made when the first Chinese question comes
   * @param translation a service's English for a Chinese question, tried before the dictionary
   */
  public QuestionAnswerer(Retriever retriever, AnswerComposer composer, Supplier<ChineseQueryTranslator> translator,
      ConversationMemory memory, QuestionTranslation translation) {
    this.retriever = Objects.requireNonNull(retriever, "retriever");
    this.composer = Objects.requireNonNull(composer, "composer");
    this.translator = Objects.requireNonNull(translator, "translator");
    this.memory = Objects.requireNonNull(memory, "memory");
    this.translation = Objects.requireNonNull(translation, "translation");
  }

  /** A question on its own, outside any conversation. */
  public AnswerResult answer(String question) {
    return answer(question, null);
  }

  /**
   * A question within a conversation (null: none): a question that refers back to the
   * conversation's previous turn is searched both as asked and expanded with that turn's names and
   * key terms, and the turn is remembered for the next question.
   */
  public AnswerResult answer(String question, String conversation) {
    return answer(question, conversation, AnswerStream.NONE);
  }

  /**
   * As {@link #answer(String, String)}, with {@code stream} hearing the answer while a language
   * model writes it; an offline answer comes whole, in the result only.
   */
  public AnswerResult answer(String question, String conversation, AnswerStream stream) {
    String q = QuestionText.clean(question);
    if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return new AnswerResult(new Outcome.Declined(q, "Please ask a question.", List.of(),
          composer.name()), List.of(), 0, 0);
    }
    if (q.length() > MAX_QUESTION_CHARS) {
      String echoed = QuestionText.head(q, MAX_QUESTION_CHARS);
      return new AnswerResult(new Outcome.Declined(echoed, TOO_LONG, List.of(), composer.name()), List.of(), 0, 0);
    }
    Language language = Language.of(q);
    Optional<Turn> previous = conversation == null ? Optional.empty() : memory.last(conversation);
    long t0 = System.nanoTime();
    Optional<String> translated = language == Language.CHINESE ? translation.english(q) : Optional.empty();
    String hint = language == Language.CHINESE ? translated.orElse("") : q;
    IndexView view = retriever.open();
    TermStats stats = view.termStats(hint);
    Read read = read(q, language, translated, previous, stats);
    Retrieval retrieval = retriever.retrieve(view, stats, read.searches(), PASSAGES);
    long t1 = System.nanoTime();
    List<String> readings = readings(read.reading(), read.english(), retrieval);
    Asked asked = new Asked(q, language, readings, previous.map(Turn::question).stream().toList(),
        read.reading().translation() == Reading.Translation.DICTIONARY);
    Outcome composed = composer.compose(asked, retrieval, ChineseReplies.localize(stream, language));
    Reading r = read.reading().withComposedText(composed.question());
    Outcome outcome = ChineseReplies.localize(composed, q, language);
    long t2 = System.nanoTime();
    if (conversation != null) {
      remember(conversation, q, readings.get(0), composed);
    }
    return new AnswerResult(outcome, retrieval.passages(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, r);
  }

  /** The best {@code k} passages for a question searched as {@link #answer(String)} would search it. */
  public Retrieval search(String question, int k) {
    String q = QuestionText.clean(question);
    if (Language.of(q) != Language.CHINESE) {
      return retriever.retrieve(q, k);
    }
    Optional<String> translated = translation.english(q);
    if (translated.isPresent()) {
      return retriever.retrieve(translated.get(), k);
    }
    IndexView view = retriever.open();
    TermStats stats = view.termStats("");
    String english = translator.get().translate(q, t -> stats.df(t) > 0).english();
    return retriever.retrieve(view, stats, List.of(new Search(english.isBlank() ? q : english, 1)), k);
  }

  /** Forgets a conversation: its next question is read on its own. */
  public void forget(String conversation) {
    memory.forget(conversation);
  }

  /**
   * A question read before it is searched, against the term statistics of the index version it is
   * answered from: its reading, the dictionary's English (null unless read through the
   * dictionary) and the searches it makes.
   */
  private record Read(Reading reading, EnglishQuery english, List<Search> searches) {}

  /**
   * Reads a question: a Chinese one becomes English (the service's, else the dictionary's in the
   * words {@code stats} says the index holds), and a follow-up is expanded with the previous turn.
   */
  private Read read(String q, Language language, Optional<String> translated, Optional<Turn> previous,
      TermStats stats) {
    EnglishQuery english = language == Language.CHINESE && translated.isEmpty()
        ? translator.get().translate(q, t -> stats.df(t) > 0) : null;
    String searchText = translated.orElseGet(
        () -> english == null || english.english().isBlank() ? q : english.english());
    Reading.Translation how = translated.isPresent() ? Reading.Translation.LLM
        : english != null ? Reading.Translation.DICTIONARY : Reading.Translation.NONE;
    Reading r = new Reading(language, FollowUps.expand(q, searchText, previous), searchText, how);
    List<Search> searches = new ArrayList<>();
    searches.add(new Search(searchText, 1));
    if (r.expansion() instanceof Expansion.Expanded e) {
      searches.add(new Search(e.expanded(), EXPANDED_WEIGHT));
    }
    return new Read(r, english, List.copyOf(searches));
  }

  /**
   * What the composer weighs the evidence against: a Chinese question's English in the senses the
   * retrieved passages use; a follow-up first with the previous turn's name in place of its
   * pronoun (what it is about, not what was asked then), then as asked.
   */
  private static List<String> readings(Reading r, EnglishQuery english, Retrieval retrieval) {
    String text = r.searchText();
    if (english != null) {
      java.util.Set<String> evidence = new java.util.HashSet<>();
      for (var p : retrieval.passages()) {
        evidence.addAll(QueryTerms.stems(p.passage().text()));
        evidence.addAll(QueryTerms.stems(p.article().title()));
      }
      text = english.fittedTo(t -> evidence.contains(QueryTerms.stem(t)));
    }
    if (r.expansion() instanceof Expansion.Expanded e && !e.withNames(text).equals(text)) {
      return List.of(e.withNames(text), text);
    }
    return List.of(text);
  }

  private void remember(String conversation, String question, String reading, Outcome composed) {
    List<String> cited = new ArrayList<>();
    Optional<String> answer = Optional.empty();
    if (composed instanceof Outcome.Answered a) {
      a.citations().forEach(c -> cited.add(c.articleId()));
      answer = Optional.of(a.text());
    }
    memory.remember(conversation, FollowUps.turnOf(question, reading, answer, cited, memory.now()));
  }
}
