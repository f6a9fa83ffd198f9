package org.guizhoubot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guizhoubot.language.Language;
import org.guizhoubot.text.QueryTerms;

/**
 * Tells a question that refers back to the previous turn from one that stands alone, and expands
 * the former with the previous turn's names and key terms. General rules only: pronouns and
 * demonstratives, continuation openings, and length; never a list of known topics.
 */
public final class FollowUps {
  /** Most words an expansion adds. */
  static final int MAX_ADDED = 10;
  /** Questions with at most this many content words and no name are taken as follow-ups. */
  static final int SHORT = 2;
  /** Names taken from an answer for the next turn (the entity a "which"/"who" question asked for). */
  static final int ANSWER_NAMES = 2;

  private static final Set<String> PRONOUNS = Set.of(
      "it", "its", "itself", "he", "him", "his", "himself", "she", "her", "hers", "herself", "they",
      "them", "their", "theirs", "themselves");
  private static final Set<String> DEMONSTRATIVES = Set.of("this", "that", "these", "those", "such");
  private static final Set<String> SAME = Set.of("same", "latter", "former", "above");
  private static final Pattern CONTINUATION = Pattern.compile(
      "(?i)^\\s*(and|but|also|so|then|what about|how about|what else|anything else|and what about)\\b.*",
      Pattern.DOTALL);
  /** A question whose answer is a name: its answer's names are what a follow-up refers to. */
  private static final Pattern ASKS_FOR_A_NAME = Pattern.compile(
      "(?is)^\\s*(and\\s+)?(which|who|whom|whose|what|where|name)\\b(?!\\s+(is|was|are|were)\\s+the\\s+(number|amount|size|value|share))(?!\\s+(year|percentage|proportion|share|number|amount)).*");
  private static final Pattern NAME = Pattern.compile(
      "\\p{Lu}[\\p{L}\\p{N}'’&.-]*(?:\\s+(?:of|the|and|for|de|du|von|van)?\\s*\\p{Lu}[\\p{L}\\p{N}'’&.-]*)*");
  /** Chinese pronouns and demonstratives: it, he, she, they, its, that/this (company...). */
  private static final Pattern ZH_REFERENCE = Pattern.compile("[它他她其该此這这那]|該");
  private static final Pattern ZH_CONTINUATION = Pattern.compile("^\\s*(那|还有|另外|而|並且|并且).*|.*呢[?？]?\\s*$",
      Pattern.DOTALL);

  private FollowUps() {}

  /**
   * How to search a question given the conversation's previous turn: as asked, or expanded when it
   * refers back. {@code searchText} is the question's English search text (the question itself
   * when asked in English).
   */
  public static Expansion expand(String question, String searchText, Optional<Turn> previous) {
    if (previous.isEmpty()) {
      return new Expansion.AsAsked(searchText);
    }
    Optional<Expansion.Trigger> trigger = Language.of(question) == Language.CHINESE
        ? chineseTrigger(question, searchText)
        : englishTrigger(question);
    if (trigger.isEmpty()) {
      return new Expansion.AsAsked(searchText);
    }
    Set<String> present = QueryTerms.stems(searchText);
    List<String> added = new ArrayList<>();
    int words = 0;
    Turn last = previous.get();
    Optional<Entity> referent = referent(question, trigger.get(), last);
    List<String> names = referent.map(e -> List.of(e.name())).orElse(last.names());
    List<String> candidates = new ArrayList<>(names);
    candidates.addAll(last.terms());
    int addedNames = 0;
    for (int i = 0; i < candidates.size(); i++) {
      String c = candidates.get(i);
      List<String> tokens = QueryTerms.tokens(c);
      if (tokens.isEmpty() || tokens.stream().allMatch(t -> present.contains(QueryTerms.stem(t)))
          || words + tokens.size() > MAX_ADDED) {
        continue;
      }
      added.add(c);
      addedNames += i < names.size() ? 1 : 0;
      words += tokens.size();
      tokens.forEach(t -> present.add(QueryTerms.stem(t)));
    }
    if (added.isEmpty()) {
      return new Expansion.AsAsked(searchText);
    }
    return new Expansion.Expanded(searchText, searchText.strip() + " " + String.join(" ", added), trigger.get(),
        added.subList(0, addedNames), added.subList(addedNames, added.size()));
  }

  /**
   * What a question's pronoun or "that company" refers to: the first name of the kind it asks for
   * (a company, a person for "he", a place for "there", else anything but a person) among the names
   * the previous answer was about, the ones its question named first; empty when none is of that
   * kind, or when the question only continues ("and in 2019?") without referring to a kind.
   */
  static Optional<Entity> referent(String question, Expansion.Trigger trigger, Turn last) {
    Optional<Entity.Kind> wanted = Language.of(question) == Language.CHINESE
        ? chineseReferenceKind(question) : englishReferenceKind(question);
    if (trigger != Expansion.Trigger.REFERENCE && wanted.isEmpty()) {
      return Optional.empty();
    }
    return last.answered().stream()
        .filter(e -> wanted.map(k -> e.kind() == k).orElse(e.kind() != Entity.Kind.PERSON))
        .findFirst();
  }

  private static final Pattern ORG_REFERENCE = Pattern.compile(
      "(?i)\\b(?:that|this|the|those|these|said)\\s+(?:company|companies|firm|firms|start-up|startup|business|"
          + "enterprise|corporation|group)\\b");
  private static final Pattern PLACE_REFERENCE = Pattern.compile(
      "(?i)\\b(?:(?:that|this|the)\\s+(?:place|city|province|area|region|town|country|zone|district))\\b");
  private static final Pattern PERSON_PRONOUN = Pattern.compile("(?i)\\b(?:he|him|his|himself|she|her|hers|herself)\\b");

  /** The kind of name an English question refers back to; empty for "it", "they" or "that X" of no kind. */
  static Optional<Entity.Kind> englishReferenceKind(String question) {
    if (ORG_REFERENCE.matcher(question).find()) {
      return Optional.of(Entity.Kind.COMPANY);
    }
    if (PERSON_PRONOUN.matcher(question).find()) {
      return Optional.of(Entity.Kind.PERSON);
    }
    if (PLACE_REFERENCE.matcher(question).find() || refersToAPlace(QueryTerms.tokens(question))) {
      return Optional.of(Entity.Kind.PLACE);
    }
    return Optional.empty();
  }

  static Optional<Entity.Kind> chineseReferenceKind(String question) {
    if (question.matches("(?s).*[那这該该此這][家个個間间]?(公司|企业|企業|集团|集團).*")) {
      return Optional.of(Entity.Kind.COMPANY);
    }
    if (question.matches("(?s).*[他她].*")) {
      return Optional.of(Entity.Kind.PERSON);
    }
    if (question.matches("(?s).*(那里|那裡|那裏|那儿|那兒|当地|當地|该地|該地).*")) {
      return Optional.of(Entity.Kind.PLACE);
    }
    return Optional.empty();
  }

  private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "isn't", "aren't",
      "wasn't", "weren't", "'s", "seem", "seems", "seemed", "exist", "exists", "existed", "remain", "remains");

  /** "there" as a place (built there, in there), not as in "there are" or "are there". */
  private static boolean refersToAPlace(List<String> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).equals("there")) {
        boolean beforeBe = i + 1 < tokens.size() && (BE.contains(tokens.get(i + 1)) || tokens.get(i + 1).equals("have")
            || tokens.get(i + 1).equals("has") || tokens.get(i + 1).equals("will") || tokens.get(i + 1).equals("had"));
        boolean afterBe = i > 0 && BE.contains(tokens.get(i - 1));
        if (!beforeBe && !afterBe) {
          return true;
        }
      }
    }
    return false;
  }

  static Optional<Expansion.Trigger> englishTrigger(String question) {
    if (CONTINUATION.matcher(question).matches()) {
      return Optional.of(Expansion.Trigger.CONTINUATION);
    }
    if (!names(question).isEmpty()) {
      return Optional.empty();
    }
    List<String> tokens = QueryTerms.tokens(question);
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      boolean demonstrative = DEMONSTRATIVES.contains(t) && i + 1 < tokens.size()
          && !QueryTerms.STOP_WORDS.contains(tokens.get(i + 1));
      if (PRONOUNS.contains(t) || demonstrative || SAME.contains(t)) {
        return Optional.of(Expansion.Trigger.REFERENCE);
      }
    }
    if (refersToAPlace(tokens)) {
      return Optional.of(Expansion.Trigger.REFERENCE);
    }
    return QueryTerms.contentTerms(question).size() <= SHORT ? Optional.of(Expansion.Trigger.SHORT) : Optional.empty();
  }

  static Optional<Expansion.Trigger> chineseTrigger(String question, String searchText) {
    if (ZH_CONTINUATION.matcher(question).matches()) {
      return Optional.of(Expansion.Trigger.CONTINUATION);
    }
    if (!names(searchText).isEmpty()) {
      return Optional.empty();
    }
    if (ZH_REFERENCE.matcher(question).find()) {
      return Optional.of(Expansion.Trigger.REFERENCE);
    }
    return QueryTerms.contentTerms(searchText).size() <= SHORT ? Optional.of(Expansion.Trigger.SHORT) : Optional.empty();
  }

  /**
   * The turn to remember: the names and key terms of the question's search text, then, when it
   * asked for a name ("which", "who", "what"...), up to {@link #ANSWER_NAMES} names from the
   * answer that the question did not hold, the articles cited, and the names of the answer with
   * their kinds, those the question named first.
   */
  public static Turn turnOf(String question, String searchText, Optional<String> answer, List<String> citedArticles,
      Instant at) {
    List<String> names = new ArrayList<>(names(searchText));
    Set<String> inQuestion = QueryTerms.stems(searchText);
    int fromAnswer = 0;
    List<String> answerNames = ASKS_FOR_A_NAME.matcher(searchText).matches()
        ? answer.map(FollowUps::names).orElse(List.of()) : List.of();
    for (String n : answerNames) {
      if (fromAnswer < ANSWER_NAMES && !names.contains(n)
          && QueryTerms.tokens(n).stream().noneMatch(t -> inQuestion.contains(QueryTerms.stem(t)))) {
        names.add(n);
        fromAnswer++;
      }
    }
    Set<String> nameWords = new LinkedHashSet<>();
    names.forEach(n -> nameWords.addAll(QueryTerms.tokens(n)));
    List<String> terms = new ArrayList<>();
    for (String t : QueryTerms.contentTerms(searchText)) {
      if (!nameWords.contains(t)) {
        terms.add(t);
      }
    }
    return new Turn(question, names, terms, citedArticles, at, answered(searchText, answer));
  }

  /** The answer's names with their kinds, those that share a word with the question's names first. */
  private static List<Entity> answered(String searchText, Optional<String> answer) {
    if (answer.isEmpty()) {
      return List.of();
    }
    String text = answer.get().replaceAll("\\s*\\[\\d+]", "");
    Set<String> asked = new java.util.HashSet<>();
    names(searchText).forEach(n -> QueryTerms.tokens(n).forEach(t -> asked.add(QueryTerms.stem(t))));
    List<Entity> first = new ArrayList<>();
    List<Entity> rest = new ArrayList<>();
    for (Entity e : Entity.in(text)) {
      boolean named = QueryTerms.tokens(e.name()).stream().anyMatch(t -> asked.contains(QueryTerms.stem(t)));
      (named ? first : rest).add(e);
    }
    first.addAll(rest);
    return first;
  }

  /**
   * Capitalised word sequences ("Guian New Area", "Sun Zhigang"), leaving out a capitalised word
   * that only opens a sentence (a question word or other common word).
   */
  static List<String> names(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      String name = m.group().strip().replaceAll("[.'’-]+$", "");
      String[] words = name.split("\\s+");
      int first = 0;
      while (first < words.length && (QueryTerms.STOP_WORDS.contains(words[first].toLowerCase(Locale.ROOT))
          || words[first].equals("I"))) {
        first++;
      }
      int last = words.length;
      while (last > first && QueryTerms.STOP_WORDS.contains(words[last - 1].toLowerCase(Locale.ROOT))) {
        last--;
      }
      boolean opensSentence = text.substring(0, m.start()).strip().isEmpty()
          || text.substring(0, m.start()).strip().matches("(?s).*[.?!:;\"“]$");
      if (first == 0 && last - first == 1 && opensSentence) {
        continue;
      }
      if (first < last) {
        String n = String.join(" ", java.util.Arrays.asList(words).subList(first, last));
        if (!out.contains(n)) {
          out.add(n);
        }
      }
    }
    return out;
  }
}
