package org.guizhoubot.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sector's own terms and names in Chinese with the English the articles use for them (数博会:
 * Big Data Expo), read before CC-CEDICT so that an abbreviation or a company's name is not taken
 * apart into common words. Each line of the file is {@code chinese[|variant...]<TAB>english[|other
 * english...]}, the Chinese in simplified characters (questions are matched once simplified); the
 * first English form is the usual one, the others what some articles write instead. Lines
 * starting with {@code #} are comments.
 */
public final class Glossary {
  /** The bundled glossary file. */
  public static final String RESOURCE = "/org/guizhoubot/language/glossary.tsv";
  /** The glossary that knows nothing: the translator reads every question by the dictionary alone. */
  public static final Glossary EMPTY = new Glossary(Map.of(), List.of());

  /** One term: its Chinese forms and its English forms, the usual one first. */
  public record Term(List<String> chinese, List<String> english) {
    public Term {
      chinese = List.copyOf(chinese);
      english = List.copyOf(english);
      if (chinese.isEmpty() || english.isEmpty()) {
        throw new IllegalArgumentException("a glossary term needs a Chinese and an English form");
      }
    }
  }

  /** A term found in a text: where it starts and ends (in chars), and the term. */
  public record Match(int start, int end, Term term) {}

  private final Map<String, Term> byChinese;
  private final List<Term> terms;
  private final int longest;

  private Glossary(Map<String, Term> byChinese, List<Term> terms) {
    this.byChinese = byChinese;
    this.terms = terms;
    this.longest = byChinese.keySet().stream().mapToInt(String::length).max().orElse(0);
  }

  /** The bundled glossary, read once. */
  public static Glossary bundled() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final Glossary INSTANCE = load();

    private static Glossary load() {
      try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the glossary " + RESOURCE + " is missing from the jar");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the glossary " + RESOURCE, e);
      }
    }
  }

  /** Reads glossary lines; a line without one tab, or a Chinese form listed twice, fails naming the line. */
  public static Glossary read(InputStream utf8) throws IOException {
    Map<String, Term> byChinese = new HashMap<>();
    List<Term> terms = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(utf8, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 2) {
        throw new IllegalArgumentException("glossary line " + n + " is not 'chinese<TAB>english': " + line);
      }
      Term term = new Term(split(cols[0]), split(cols[1]));
      terms.add(term);
      for (String c : term.chinese()) {
        Term earlier = byChinese.putIfAbsent(c, term);
        if (earlier != null) {
          throw new IllegalArgumentException("glossary line " + n + " lists " + c + " again (it means "
              + earlier.english().get(0) + " earlier)");
        }
      }
    }
    return new Glossary(Map.copyOf(byChinese), List.copyOf(terms));
  }

  private static List<String> split(String forms) {
    return Arrays.stream(forms.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The terms in a text, longest first at each place, left to right and not overlapping. */
  public List<Match> find(String text) {
    List<Match> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      Match found = null;
      for (int len = Math.min(longest, text.length() - i); len >= 1 && found == null; len--) {
        Term t = byChinese.get(text.substring(i, i + len));
        if (t != null) {
          found = new Match(i, i + len, t);
        }
      }
      if (found == null) {
        i++;
      } else {
        out.add(found);
        i = found.end();
      }
    }
    return out;
  }

  /** Every term, in the file's order. */
  public Collection<Term> terms() {
    return terms;
  }
}
