package org.guizhoubot.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The CC-CEDICT Chinese-English dictionary (CC BY-SA 4.0, MDBG), looked up by simplified or
 * traditional headword. The bundled copy is read on first use.
 */
public final class Cedict {
  /** The bundled dictionary file, as published by MDBG. */
  public static final String RESOURCE = "/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz";

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Cedict.class);

  /** Headword to its dictionary lines, joined by newlines; parsed on lookup to keep loading quick. */
  private final Map<String, String> byWord;
  private final Map<Character, Character> toSimplified;

  /** One dictionary line: headwords, numbered pinyin syllables and English glosses in order. */
  public record Entry(String traditional, String simplified, List<String> pinyin, List<String> glosses) {
    public Entry {
      Objects.requireNonNull(traditional, "traditional");
      Objects.requireNonNull(simplified, "simplified");
      pinyin = List.copyOf(pinyin);
      glosses = List.copyOf(glosses);
    }

    /** True for a proper name: CC-CEDICT capitalises the pinyin of names. */
    public boolean isName() {
      return !pinyin.isEmpty() && Character.isUpperCase(pinyin.get(0).charAt(0));
    }
  }

  private Cedict(Map<String, String> byWord, Map<Character, Character> characters, Set<Character> simplifiedForms) {
    this.byWord = byWord;
    this.toSimplified = new HashMap<>();
    characters.forEach((traditional, simplified) -> {
      if (!simplifiedForms.contains(traditional)) {
        toSimplified.put(traditional, simplified);
      }
    });
  }

  /** The bundled dictionary, read once. */
  public static Cedict bundled() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final Cedict INSTANCE = loadBundled();

    private static Cedict loadBundled() {
      long t0 = System.nanoTime();
      try (InputStream in = Cedict.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the dictionary " + RESOURCE + " is missing from the jar");
        }
        Cedict d = read(new GZIPInputStream(in, 1 << 16));
        log.info("Chinese dictionary loaded: {} headwords in {} ms", d.byWord.size(), (System.nanoTime() - t0) / 1_000_000);
        return d;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the dictionary " + RESOURCE, e);
      }
    }
  }

  /** Reads dictionary lines in the CC-CEDICT format ({@code # } comment lines are skipped). */
  public static Cedict read(InputStream utf8) throws IOException {
    Map<String, String> byWord = new HashMap<>(260_000);
    Map<Character, Character> characters = new HashMap<>();
    Set<Character> simplifiedForms = new HashSet<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(utf8, StandardCharsets.UTF_8), 1 << 16);
    String line;
    while ((line = r.readLine()) != null) {
      int sp1 = line.indexOf(' ');
      int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
      if (line.isEmpty() || line.charAt(0) == '#' || sp2 < 0) {
        continue;
      }
      String traditional = line.substring(0, sp1);
      String simplified = line.substring(sp1 + 1, sp2);
      byWord.merge(simplified, line, (a, b) -> a + "\n" + b);
      for (int i = 0; i < simplified.length(); i++) {
        simplifiedForms.add(simplified.charAt(i));
      }
      if (!traditional.equals(simplified)) {
        byWord.merge(traditional, line, (a, b) -> a + "\n" + b);
        if (traditional.length() == simplified.length()) {
          for (int i = 0; i < traditional.length(); i++) {
            if (traditional.charAt(i) != simplified.charAt(i)) {
              characters.putIfAbsent(traditional.charAt(i), simplified.charAt(i));
            }
          }
        }
      }
    }
    return new Cedict(byWord, characters, simplifiedForms);
  }

  static Entry parse(String line) {
    if (line.isEmpty() || line.charAt(0) == '#') {
      return null;
    }
    int sp1 = line.indexOf(' ');
    int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    int open = line.indexOf('[', Math.max(sp2, 0));
    int close = open < 0 ? -1 : line.indexOf(']', open);
    int slash = close < 0 ? -1 : line.indexOf('/', close);
    if (sp2 < 0 || open < 0 || close < 0 || slash < 0) {
      return null;
    }
    List<String> glosses = new ArrayList<>();
    for (String g : line.substring(slash + 1).split("/")) {
      if (!g.isBlank()) {
        glosses.add(g.strip());
      }
    }
    return new Entry(line.substring(0, sp1), line.substring(sp1 + 1, sp2),
        List.of(line.substring(open + 1, close).strip().split("\\s+")), glosses);
  }

  /** The entries for a headword, simplified or traditional, in dictionary order; empty if none. */
  public List<Entry> lookup(String word) {
    String lines = byWord.get(word);
    if (lines == null) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>(2);
    for (String line : lines.split("\n")) {
      Entry e = parse(line);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  public boolean contains(String word) {
    return byWord.containsKey(word);
  }

  /** The text with each traditional character written in its simplified form (one for one). */
  public String simplified(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      b.append(toSimplified.getOrDefault(text.charAt(i), text.charAt(i)));
    }
    return b.toString();
  }

  public int size() {
    return byWord.size();
  }
}
