package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What of a reply being streamed may be shown: markers held until complete, no sentinel, only growth. */
class ShownTextTest {
  /** Three passages from three articles: markers [1]..[3] are valid, any other is not. */
  private static final List<String> ARTICLES = List.of("a", "b", "c");

  private final List<String> shown = new CopyOnWriteArrayList<>();
  private final ShownText text = new ShownText(ARTICLES, shown::add);

  private void feed(String... pieces) {
    for (String p : pieces) {
      text.append(p);
    }
  }

  @Test
  void should_hold_a_marker_back_until_it_is_complete() {
    feed("Wang Yong founded it ", "[");
    assertThat(text.shown()).isEqualTo("Wang Yong founded it");
    feed("1");
    assertThat(text.shown()).isEqualTo("Wang Yong founded it");
    feed("].");
    assertThat(text.shown()).isEqualTo("Wang Yong founded it [1].");
  }

  @Test
  void should_never_show_a_marker_of_a_passage_not_given() {
    feed("It opened ", "[", "9", "] in 2016 [", "1", "][", "4", "]. It grew", " [2, 9", "].");

    assertThat(shown).allSatisfy(s -> assertThat(s).doesNotContain("9").doesNotContain("[4]"));
    assertThat(text.shown()).isEqualTo("It opened in 2016 [1]. It grew [2].");
  }

  @Test
  void should_renumber_markers_by_first_appearance_as_the_final_check_does() {
    feed("Guiyang traded first [3]. ", "Baishan followed [1].");

    assertThat(text.shown()).isEqualTo("Guiyang traded first [1]. Baishan followed [2].")
        .isEqualTo(LlmReply.check("Guiyang traded first [3]. Baishan followed [1].", ARTICLES).text());
  }

  @Test
  void should_show_nothing_of_the_sentinel_however_it_is_split() {
    feed("NOT", "_IN", "_SOUR", "CES");

    assertThat(shown).isEmpty();
  }

  @Test
  void should_hold_back_a_tail_that_could_become_the_sentinel_and_stop_when_it_does() {
    feed("The answer is ", "NOT_IN");
    assertThat(text.shown()).isEqualTo("The answer is");
    feed("_SOURCES", " after all [1].");

    assertThat(shown).allSatisfy(s -> assertThat(s.toUpperCase()).doesNotContain("NOT"));
    assertThat(text.shown()).isEqualTo("The answer is");
  }

  @Test
  void should_release_a_held_word_once_it_is_clearly_not_the_sentinel() {
    feed("It was not");
    assertThat(text.shown()).isEqualTo("It was");
    feed(" founded in 2010 [1].");

    assertThat(text.shown()).isEqualTo("It was not founded in 2010 [1].");
  }

  @Test
  void should_stop_showing_once_the_reply_refuses_in_words() {
    feed("The passages do not ", "mention satellites [2].");

    assertThat(shown).allSatisfy(s -> assertThat(s).doesNotContain("mention"));
  }

  @Test
  void should_only_ever_grow_each_shown_text_extending_the_last() {
    String reply = "Baishan Cloud was co-founded by Wang Yong in 2015 [1]. It opened a data centre in "
        + "Gui'an in June 2016 [1][2], the year after the exchange began [3][7]. **Sources**";
    for (int i = 0; i < reply.length(); i += 3) {
      text.append(reply.substring(i, Math.min(reply.length(), i + 3)));
    }

    for (int i = 1; i < shown.size(); i++) {
      assertThat(shown.get(i)).startsWith(shown.get(i - 1)).isNotEqualTo(shown.get(i - 1));
    }
    assertThat(shown.get(shown.size() - 1)).doesNotContain("[7]").doesNotContain("*")
        .startsWith("Baishan Cloud was co-founded by Wang Yong in 2015 [1].");
  }

  @Test
  void should_show_chinese_as_it_grows() {
    feed("白山云由王勇", "联合创办", "【1", "】。");

    assertThat(shown).containsExactly("白山云由王勇", "白山云由王勇联合创办", "白山云由王勇联合创办[1]。");
  }
}
