package org.guizhoubot.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Grows the glossary from the corpus: fails listing each capitalised English name in
 * {@code corpus/} that no glossary entry covers, so a new article's companies, people and places
 * get their Chinese names. Words that are capitalised but name nothing the Chinese would ask by
 * (months, titles, common abbreviations) are listed in {@link #NOT_NAMES}.
 */
class GlossaryCoverageTest {
  private static final Path CORPUS = Path.of("corpus");
  /** A run of capitalised words (or a number before one), with "of" or "the" between them. */
  private static final Pattern NAME = Pattern.compile(
      "(?<![\\p{L}\\d])(?:\\p{Lu}|\\d+\\s(?=\\p{Lu}))(?:[\\p{L}\\d&'-]|\\.(?=\\p{L}))*"
          + "(?:\\s+(?:(?:of|the)\\s+)?\\p{Lu}(?:[\\p{L}\\d&'-]|\\.(?=\\p{L}))*)*");
  /** Words beside a glossary name that it may leave out: kinds of body, titles, nationality. */
  private static final Set<String> BESIDE_A_NAME = Set.of("province", "city", "co", "company", "group", "inc", "ltd",
      "chairman", "premier", "president", "vice", "party", "chief", "secretary", "chinese", "china", "cpc",
      "southwest", "while");
  /** Capitalised, but nothing a Chinese question names by a term of its own. */
  private static final Set<String> NOT_NAMES = Set.of("ai", "gdp", "it", "r&d", "u.s", "ibm", "i", "we",
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "government",
      "province", "companies", "topics", "tens", "chairman");

  @Test
  void should_cover_every_capitalised_name_of_the_corpus() throws IOException {
    List<String> english = new ArrayList<>();
    Glossary.bundled().terms().forEach(t -> t.english().forEach(e -> english.add(e.toLowerCase(Locale.ROOT))));

    Set<String> uncovered = new TreeSet<>();
    english.sort(java.util.Comparator.comparing(String::length).reversed());
    for (String name : names()) {
      String n = name.toLowerCase(Locale.ROOT).replaceAll("^the ", "").replaceAll("-based$", "");
      // a possessive may end a name ("Guizhou's GDP": Guizhou, then GDP) or be part of one
      boolean known = covered(n, english) || java.util.Arrays.stream(n.split("'s\\b")).map(String::strip)
          .allMatch(part -> part.isEmpty() || NOT_NAMES.contains(part) || covered(part, english));
      if (!known) {
        uncovered.add(name);
      }
    }

    assertThat(uncovered).as("names in %s that no line of %s covers: add them (or, when not names, to NOT_NAMES)",
        CORPUS, Glossary.RESOURCE).isEmpty();
  }

  /** Covered when it is part of a glossary form, or is glossary forms with only words beside a name left over. */
  private static boolean covered(String name, List<String> longestFirst) {
    String rest = " " + name + " ";
    boolean any = false;
    for (String e : longestFirst) {
      if ((" " + e + " ").contains(" " + name + " ")) {
        return true;
      }
      if (rest.contains(" " + e + " ")) {
        rest = rest.replace(" " + e + " ", "  ");
        any = true;
      }
    }
    return any && java.util.Arrays.stream(rest.strip().split("\\s+"))
        .allMatch(w -> w.isEmpty() || BESIDE_A_NAME.contains(w));
  }

  private static Set<String> names() throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.startsWith("#") || line.startsWith("published:") || line.equals("---")) {
            continue;
          }
          String text = line.replaceFirst("^(title|source): ", "").replace('’', '\'').replace('“', '"').replace('”', '"');
          Matcher m = NAME.matcher(text);
          while (m.find()) {
            boolean opensSentence = text.substring(0, m.start()).strip().matches("(?s)|.*[.!?:;\"]");
            String name = m.group().replaceAll("['-]+$", "").strip();
            if (!(opensSentence && !name.contains(" "))) {
              out.add(name);
            }
          }
        }
      }
    }
    return out;
  }
}
