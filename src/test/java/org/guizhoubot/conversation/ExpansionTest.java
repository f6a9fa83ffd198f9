package org.guizhoubot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpansionTest {
  @Test
  void should_put_the_previous_name_in_place_of_the_pronoun_for_the_composer() {
    var e = new Expansion.Expanded("How much revenue did it make?", "x", Expansion.Trigger.REFERENCE,
        List.of("Baishan Cloud", "Dai Xiang"), List.of("revenue"));

    assertThat(e.withNames("How much revenue did it make?")).isEqualTo("How much revenue did Baishan Cloud make?");
    assertThat(e.withNames("Who founded its parent?")).isEqualTo("Who founded Baishan Cloud's parent?");
    assertThat(e.withNames("Where is that company based?")).isEqualTo("Where is Baishan Cloud based?");
  }

  @Test
  void should_append_the_names_when_nothing_refers_back_by_a_word() {
    var e = new Expansion.Expanded("And the revenue?", "x", Expansion.Trigger.CONTINUATION,
        List.of("Baishan Cloud", "Dai Xiang"), List.of());

    assertThat(e.withNames("And the revenue?")).isEqualTo("And the revenue? Baishan Cloud, Dai Xiang");
  }
}
