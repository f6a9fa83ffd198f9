package org.guizhoubot.telegram.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guizhoubot.answer.Citation;
import org.guizhoubot.answer.Outcome;
import org.junit.jupiter.api.Test;

class TelegramHtmlTest {
  private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)[^>]*>");

  @Test
  void should_escape_html_specials_and_drop_control_characters() {
    assertThat(TelegramHtml.escape("a < b && c > \"d\"\u0000\u0007\r\nnext\tline"))
        .isEqualTo("a &lt; b &amp;&amp; c &gt; &quot;d&quot;\nnext\tline");
    assertThat(TelegramHtml.escape("emoji 🚀 stays")).isEqualTo("emoji 🚀 stays");
  }

  @Test
  void should_link_only_web_urls_and_escape_them() {
    assertThat(TelegramHtml.link("https://x.org/a?b=1&c=\"2\"", "T <1>"))
        .isEqualTo("<a href=\"https://x.org/a?b=1&amp;c=&quot;2&quot;\">T &lt;1&gt;</a>");
    assertThat(TelegramHtml.link("javascript:alert(1)", "T")).isEqualTo("T");
    assertThat(TelegramHtml.link(null, "T & U")).isEqualTo("T &amp; U");
  }

  @Test
  void should_render_an_answer_with_markers_and_sources() {
    Outcome answer = new Outcome.Answered("q?", "Baishan was founded <2012> [1]. It grew [2].", List.of(
        new Citation(1, "a1", "First & best", "Asia Times", "2018-05", "https://example.org/a1", "p"),
        new Citation(2, "a2", "Second", null, null, null, "p")), "extractive");

    String html = TelegramHtml.render(answer);

    assertThat(html).isEqualTo("Baishan was founded &lt;2012&gt; [1]. It grew [2].\n\n<b>Sources:</b>"
        + "\n[1] <a href=\"https://example.org/a1\">First &amp; best</a>, Asia Times, 2018-05"
        + "\n[2] Second");
  }

  @Test
  void should_render_a_decline_with_nearby_topics() {
    Outcome declined = new Outcome.Declined("q?", "I could not find this.", List.of("Expo <2018>", "Valley"), "extractive");

    assertThat(TelegramHtml.render(declined))
        .isEqualTo("I could not find this.\n\nThe nearest articles I have:\n• Expo &lt;2018&gt;\n• Valley");
  }

  @Test
  void should_give_back_the_text_a_user_sees() {
    String text = "a < b && c > \"d\" 'e' &amp; 🚀";

    assertThat(TelegramHtml.toPlain(TelegramHtml.escape(text))).isEqualTo(text);
    assertThat(TelegramHtml.escape("Guizhou's")).as("apostrophes stay as they are").isEqualTo("Guizhou's");
    assertThat(TelegramHtml.toPlain("<b>Sources:</b>\n[1] <a href=\"https://x.org/?a=1&amp;b=2\">T &lt;1&gt;</a> &#x27;q&#39;"))
        .isEqualTo("Sources:\n[1] T <1> 'q'");
  }

  @Test
  void should_keep_a_short_message_whole() {
    assertThat(TelegramHtml.split("short <b>text</b>")).containsExactly("short <b>text</b>");
  }

  @Test
  void should_split_long_html_at_line_boundaries_under_the_limit() {
    StringBuilder html = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      html.append("[").append(i).append("] <a href=\"https://example.org/").append(i).append("\">Title &amp; ")
          .append(i).append("</a>, Source\n");
    }

    List<String> parts = TelegramHtml.split(html.toString().strip(), 1000);

    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(parts).allSatisfy(p -> {
      assertThat(p.length()).isLessThanOrEqualTo(1000);
      assertBalanced(p);
      assertThat(p).startsWith("[").endsWith("Source");
    });
    assertThat(String.join("\n", parts)).isEqualTo(html.toString().strip());
  }

  @Test
  void should_cut_an_overlong_line_between_words_without_breaking_tags_or_entities() {
    String word = "data&amp;valley ";
    String line = "<b>" + word.repeat(400) + "</b> and <a href=\"https://example.org\">" + word.repeat(100) + "</a>";

    List<String> parts = TelegramHtml.split(line, 1000);

    assertThat(parts).hasSizeGreaterThan(5);
    for (String p : parts) {
      assertThat(p.length()).isLessThanOrEqualTo(1000);
      assertBalanced(p);
      assertThat(p).doesNotContainPattern("&[a-z]*$").doesNotContainPattern("^[a-z]*;");
    }
    assertThat(TelegramHtml.toPlain(String.join(" ", parts)).replaceAll("\\s+", " ").strip())
        .isEqualTo(TelegramHtml.toPlain(line).replaceAll("\\s+", " ").strip());
  }

  @Test
  void should_cut_at_the_smallest_limit_without_looping() {
    List<String> parts = TelegramHtml.split("<b>" + "x".repeat(300) + "</b>", 64);

    assertThat(parts).allSatisfy(p -> {
      assertThat(p.length()).isLessThanOrEqualTo(64);
      assertBalanced(p);
    });
    assertThat(String.join("", parts).replaceAll("<[^>]*>", "")).isEqualTo("x".repeat(300));
  }

  @Test
  void should_never_exceed_telegrams_limit_with_the_default_split() {
    String html = ("x".repeat(50) + " 🚀 &lt;tag&gt;\n").repeat(400);

    assertThat(TelegramHtml.split(html)).allSatisfy(p -> assertThat(p.length()).isLessThan(TelegramHtml.MAX_MESSAGE));
  }

  private static void assertBalanced(String html) {
    Deque<String> open = new ArrayDeque<>();
    Matcher m = TAG.matcher(html);
    while (m.find()) {
      if (m.group(1).isEmpty()) {
        open.push(m.group(2));
      } else {
        assertThat(open).as("closing </%s> in %s", m.group(2), html).isNotEmpty();
        assertThat(open.pop()).isEqualTo(m.group(2));
      }
    }
    assertThat(open).as("unclosed tags in %s", html).isEmpty();
    assertThat(html.replaceAll("<[^>]*>", "")).doesNotContain("<").doesNotContain(">");
  }
}
