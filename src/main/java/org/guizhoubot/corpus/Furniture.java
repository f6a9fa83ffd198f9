package org.guizhoubot.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Page furniture that news sites wrap around an article: breadcrumbs, image captions, photo
 * credits, "Print" links, copyright lines, newsletter plugs. Such lines are dropped at ingestion
 * so they never come back as answer text, whatever file they arrive in.
 */
public final class Furniture {
  /** Furniture is a short line; anything longer is article text and is never matched. */
  static final int MAX_LENGTH = 600;

  /**
   * Each pattern is searched with {@code find()} on a line of at most {@link #MAX_LENGTH}
   * characters, and none nests unbounded wildcards, so a hostile line costs linear time.
   */
  private static final List<Pattern> LINE_PATTERNS =
      List.of(
          Pattern.compile("(?i)^(representative|file|featured|stock) (image|photo|picture)\\.?$"),
          Pattern.compile("(?i)^home\\s*(>|»|/|›)"),
          Pattern.compile("(?i)^(copyright\\b|©)"),
          Pattern.compile("(?i)all rights reserved\\.?$"),
          Pattern.compile("(?i)^(print|share|email|tweet|advertisement|related( articles| stories)?)$"),
          Pattern.compile("(?i)^[^\\n]{0,80}\\|\\s*updated"),
          Pattern.compile("(?i)^.{0,40}updated:\\s*\\S.{0,40}$"),
          Pattern.compile("(?i)\\[photo(/[^\\]]*)?\\]$"),
          Pattern.compile("(?i)^.{0,300}\\bphoto:\\s*[\\p{L} ./]+$"),
          Pattern.compile("(?i)^(photo|image|picture)( credit)?:"),
          Pattern.compile("(?i)^please contact us with feedback"),
          Pattern.compile("(?i)^(subscribe|sign up)\\b[^\\n]*?(newsletter|updates|now)"),
          Pattern.compile("(?i)\\bis now live\\b[^\\n]*?\\bread\\b"),
          Pattern.compile("(?i)^this article was originally published\\b"),
          Pattern.compile("(?i)^(click here|read more)\\b"));

  private Furniture() {}

  /** True when a whole line (a paragraph) is page furniture rather than article text. */
  public static boolean isFurniture(String line) {
    String s = line.replace('\u00a0', ' ').strip();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return false;
    }
    for (Pattern p : LINE_PATTERNS) {
      if (p.matcher(s).find()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]+");

  /**
   * The text without furniture lines, without control characters (NUL and the like), and with
   * paragraphs separated by one blank line.
   */
  public static String clean(String text) {
    List<String> kept = new ArrayList<>();
    String previous = null;
    String plain = CONTROL.matcher(text).replaceAll("").replace('\t', ' ');
    for (String line : plain.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
      String s = line.replace('\u00a0', ' ').strip();
      if (s.isEmpty() || isFurniture(s) || s.equals(previous)) {
        continue;
      }
      kept.add(s);
      previous = s;
    }
    return String.join("\n\n", kept);
  }
}
