package org.guizhoubot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.ArticleReader;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {
  private static final int LIMIT = 128;
  private final MiniLmTokenizer tokens = TestFixtures.tokenizer();
  private final PassageSplitter splitter = new PassageSplitter(tokens, LIMIT);

  @Test
  void should_keep_every_seed_passage_with_its_title_within_the_model_limit() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(TestFixtures.seeds())) {
      files = s.sorted().toList();
    }
    assertThat(files).hasSize(5);
    for (Path f : files) {
      Article a = new ArticleReader().read(f);
      List<Passage> passages = splitter.split(a);
      assertThat(passages).isNotEmpty();
      for (Passage p : passages) {
        assertThat(tokens.count(splitter.embeddingText(a.title(), p.text())) + 2)
            .as("word pieces of %s #%d", a.id(), p.ordinal())
            .isLessThanOrEqualTo(LIMIT);
        assertThat(a.body().substring(p.start(), p.end())).isEqualTo(p.text());
      }
    }
  }

  @Test
  void should_respect_sentence_boundaries_and_cover_the_whole_body() {
    String body = String.join(" ", java.util.Collections.nCopies(40,
        "Guizhou built 25 large data centres in the mountains near Guiyang, officials said."));
    Article a = new Article("many", "Data centres", null, null, null, null, body);

    List<Passage> passages = splitter.split(a);

    assertThat(passages).hasSizeGreaterThan(1);
    for (int i = 0; i < passages.size(); i++) {
      Passage p = passages.get(i);
      assertThat(p.ordinal()).isEqualTo(i);
      assertThat(p.text()).startsWith("Guizhou built").endsWith("officials said.");
      if (i > 0) {
        assertThat(p.start()).isGreaterThan(passages.get(i - 1).end());
      }
    }
    assertThat(passages.get(0).start()).isZero();
    assertThat(passages.get(passages.size() - 1).end()).isEqualTo(body.length());
  }

  @Test
  void should_cut_a_sentence_longer_than_the_limit_at_word_boundaries() {
    String body = "Data " + "integration across provincial departments ".repeat(60) + "ends here.";
    Article a = new Article("long", "Long", null, null, null, null, body);

    List<Passage> passages = splitter.split(a);

    assertThat(passages).hasSizeGreaterThanOrEqualTo(2);
    for (Passage p : passages) {
      assertThat(tokens.count(splitter.embeddingText(a.title(), p.text())) + 2).isLessThanOrEqualTo(LIMIT);
      assertThat(p.text()).doesNotStartWith(" ").doesNotEndWith(" ");
    }
    assertThat(String.join(" ", passages.stream().map(Passage::text).toList())).isEqualTo(body.strip());
  }

  @Test
  void should_shorten_a_very_long_title_used_as_context() {
    String title = "A headline that goes on and on ".repeat(10).strip();

    assertThat(tokens.count(splitter.embeddingTitle(title))).isLessThanOrEqualTo(32);
    assertThat(title).startsWith(splitter.embeddingTitle(title));
  }

  @Test
  void should_split_sentences_without_breaking_abbreviations_or_decimals() {
    List<String> s = Sentences.split("Output grew 19.3 percent in the U.S. market. Mr. Li agreed. "
        + "“It works,” he said. Then it ended!").stream().map(Sentences.Span::text).toList();

    assertThat(s).containsExactly("Output grew 19.3 percent in the U.S. market.", "Mr. Li agreed.",
        "“It works,” he said.", "Then it ended!");
  }
}
