package org.guizhoubot.telegram.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.guizhoubot.answer.AnswerFormatter;
import org.guizhoubot.answer.Citation;
import org.guizhoubot.answer.Outcome;
import org.guizhoubot.corpus.PublishedDates;
import org.guizhoubot.web.Urls;
import org.jsoup.parser.Parser;

/**
 * Renders bot replies in Telegram's HTML parse mode: every piece of text escaped, links as
 * {@code <a href>}, and long replies split into messages under Telegram's limit without cutting a
 * tag or an entity in half.
 */
public final class TelegramHtml {
  /** Telegram's limit on a message's text, in UTF-16 units. */
  public static final int MAX_MESSAGE = 4096;
  /** The size we split at, leaving room below the limit. */
  public static final int SPLIT_AT = 4000;

  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private TelegramHtml() {}

  /**
   * Escapes text for an HTML message; control characters other than newline and tab are dropped.
   * Not jsoup's {@code Entities.escape}: Telegram accepts only the named entities {@code &lt; &gt;
   * &amp; &quot;}, and jsoup writes others ({@code &apos;}, {@code &nbsp;}) or numeric forms.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\r' -> { }
        default -> {
          if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
            s.append(c);
          }
        }
      }
    }
    return s.toString();
  }

  /** A link; only http(s) URLs become links, anything else is shown as escaped text. */
  public static String link(String url, String text) {
    if (url == null || !isWebUrl(url)) {
      return escape(text);
    }
    return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
  }

  private static boolean isWebUrl(String url) {
    return Urls.isWeb(url) && url.strip().chars().noneMatch(Character::isWhitespace);
  }

  /** An article as HTML: its title (linked when there is a URL), then publication and date when known. */
  public static String article(String url, String title, String source, String published) {
    StringBuilder s = new StringBuilder(link(url, title));
    if (source != null) {
      s.append(", ").append(escape(source));
    }
    if (published != null) {
      s.append(", ").append(escape(PublishedDates.calendarDate(published)));
    }
    return s.toString();
  }

  /** Telegram HTML for {@link AnswerFormatter}: escaped text, a bold heading, linked titles, nearest articles as a list. */
  public static final AnswerFormatter.Markup MARKUP = new AnswerFormatter.Markup() {
    @Override
    public String text(String text) {
      return escape(text);
    }

    @Override
    public String heading(String heading) {
      return "<b>" + escape(heading) + "</b>";
    }

    @Override
    public String citation(Citation c) {
      return "[" + c.n() + "] " + article(c.url(), c.title(), c.source(), c.published());
    }

    @Override
    public String nearby(String intro, List<String> topics) {
      StringBuilder s = new StringBuilder("\n\n").append(escape(intro));
      for (String topic : topics) {
        s.append("\n• ").append(escape(topic));
      }
      return s.toString();
    }
  };

  /** An outcome as HTML: the answer with its markers and a "Sources:" list, or the decline and nearest articles. */
  public static String render(Outcome outcome) {
    return AnswerFormatter.render(outcome, MARKUP);
  }

  /** As {@link #render(Outcome)}, with the headings in the language the question was asked in. */
  public static String render(Outcome outcome, org.guizhoubot.language.Language language) {
    return AnswerFormatter.render(outcome, MARKUP, language);
  }

  /**
   * Splits HTML into messages of at most {@code limit} characters, at line boundaries. A line
   * longer than the limit is cut between words (or anywhere, failing that), never inside a tag or
   * an entity; tags open at a cut are closed before it and reopened after it.
   */
  public static List<String> split(String html, int limit) {
    if (limit < 64) {
      throw new IllegalArgumentException("limit must be >= 64, was " + limit);
    }
    List<String> parts = new ArrayList<>();
    if (html.length() <= limit) {
      parts.add(html);
      return parts;
    }
    StringBuilder current = new StringBuilder();
    for (String line : html.split("\n", -1)) {
      for (String piece : cutLine(line, limit)) {
        int extra = current.length() == 0 ? 0 : 1;
        if (current.length() + extra + piece.length() > limit) {
          flush(parts, current);
          current.append(piece);
        } else {
          if (extra == 1) {
            current.append('\n');
          }
          current.append(piece);
        }
      }
    }
    flush(parts, current);
    if (parts.isEmpty()) {
      parts.add(html.strip());
    }
    return parts;
  }

  /** {@link #split(String, int)} at {@link #SPLIT_AT}. */
  public static List<String> split(String html) {
    return split(html, SPLIT_AT);
  }

  private static void flush(List<String> parts, StringBuilder current) {
    String part = current.toString().strip();
    if (!part.isEmpty()) {
      parts.add(part);
    }
    current.setLength(0);
  }

  /**
   * Cuts one line into pieces that each fit the limit and are balanced HTML. Lines made by
   * {@link #render} hold only short {@code <a>} and {@code <b>} elements, so reopening tags costs
   * little; a piece is given a margin for that.
   */
  private static List<String> cutLine(String line, int limit) {
    List<String> pieces = new ArrayList<>();
    if (line.length() <= limit) {
      pieces.add(line);
      return pieces;
    }
    List<String> open = new ArrayList<>();
    int budget = limit - Math.min(512, limit / 4);
    int i = 0;
    while (i < line.length()) {
      StringBuilder piece = new StringBuilder();
      for (String tag : open) {
        piece.append(tag);
      }
      int start = i;
      int lastSpace = -1;
      List<String> openAtSpace = null;
      List<String> openHere = new ArrayList<>(open);
      while (i < line.length() && (piece.length() < budget || i == start)) {
        char c = line.charAt(i);
        int end;
        if (c == '<') {
          end = line.indexOf('>', i);
          end = end < 0 ? line.length() : end + 1;
          String tag = line.substring(i, end);
          if (tag.startsWith("</")) {
            if (!openHere.isEmpty()) {
              openHere.remove(openHere.size() - 1);
            }
          } else if (!tag.endsWith("/>")) {
            openHere.add(tag);
          }
        } else if (c == '&') {
          end = line.indexOf(';', i);
          end = end < 0 || end - i > 10 ? i + 1 : end + 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < line.length()) {
          end = i + 2;
        } else {
          end = i + 1;
        }
        if (c == ' ' && i > start) {
          lastSpace = i;
          openAtSpace = new ArrayList<>(openHere);
        }
        piece.append(line, i, end);
        i = end;
      }
      if (i < line.length() && lastSpace > start && lastSpace - start > budget / 2) {
        piece.setLength(piece.length() - (i - lastSpace));
        i = lastSpace + 1;
        openHere = openAtSpace;
      }
      for (int k = openHere.size() - 1; k >= 0; k--) {
        piece.append("</").append(tagName(openHere.get(k))).append('>');
      }
      pieces.add(piece.toString());
      open = openHere;
    }
    return pieces;
  }

  private static String tagName(String tag) {
    int end = 1;
    while (end < tag.length() && Character.isLetter(tag.charAt(end))) {
      end++;
    }
    return tag.substring(1, end);
  }

  /** The text a user sees for some HTML, for sending without a parse mode: tags dropped, entities decoded. */
  public static String toPlain(String html) {
    return Parser.unescapeEntities(TAG.matcher(html).replaceAll(""), false);
  }
}
