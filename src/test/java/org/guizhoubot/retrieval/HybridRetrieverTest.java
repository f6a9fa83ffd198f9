package org.guizhoubot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.guizhoubot.SeedIndex;
import org.guizhoubot.text.QueryTerms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HybridRetrieverTest {
  private final HybridRetriever retriever = SeedIndex.app().parts().retriever();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "How many reservoirs does the flood alarm system support?|big-data-looms-large-2019",
      "How many large-scale data centers does Guizhou have under operation or construction?|guizhou-beefs-up-big-data-2022",
      "How many businesses and organizations exhibited at the 2018 Big Data Expo?|big-data-expo-2018-deals",
      "How many internet users did Guizhou have at the end of last December?|big-data-valley-2017-expo",
      "What did the provincial high people's court set up?|big-data-valley-expo"})
  void should_rank_a_passage_of_the_right_article_in_the_top_three(String question, String article) {
    List<RetrievedPassage> top = retriever.retrieve(question, 3).passages();

    assertThat(top).extracting(p -> p.article().id()).contains(article);
  }

  @Test
  void should_return_passages_best_first_with_scores_and_metadata() {
    List<RetrievedPassage> top = retriever.retrieve("Who is the co-founder of Baishan Cloud?", 5).passages();

    assertThat(top).hasSize(5);
    for (int i = 1; i < top.size(); i++) {
      assertThat(top.get(i).score()).isLessThanOrEqualTo(top.get(i - 1).score());
    }
    RetrievedPassage first = top.get(0);
    assertThat(first.passage().text()).contains("Dai Xiang");
    assertThat(first.vectorRank()).isPositive();
    assertThat(first.bm25Rank()).isPositive();
    assertThat(first.cosine()).isBetween(0.3, 1.0);
    assertThat(first.article().title()).isNotBlank();
  }

  @Test
  void should_not_fill_the_top_with_copies_of_one_passage() {
    List<RetrievedPassage> top = retriever.retrieve("Huaxi University Town nine universities", 6).passages();

    Set<String> texts = new HashSet<>();
    for (RetrievedPassage p : top) {
      assertThat(texts.add(p.passage().text())).as("duplicate passage %s", p.passage().text()).isTrue();
    }
  }

  @Test
  void should_find_passages_by_meaning_when_no_word_matches() {
    List<RetrievedPassage> top = retriever.retrieve("hospital doctors online consultations", 3).passages();

    assertThat(top).extracting(p -> p.article().id()).contains("big-data-looms-large-2019");
  }

  @Test
  void should_drop_stop_words_from_queries() {
    assertThat(QueryTerms.contentTerms("What is the price of Bitcoin today?"))
        .containsExactly("price", "bitcoin", "today");
    assertThat(QueryTerms.tokens("23,128 companies, 19.3 percent")).containsExactly("23,128", "companies", "19.3", "percent");
  }

  @Test
  void should_run_several_searches_on_one_view_and_fuse_their_rankings() {
    IndexView view = retriever.open();
    TermStats stats = view.termStats("");
    Retrieval r = retriever.retrieve(view, stats, List.of(new Search("Who is the co-founder of Baishan Cloud?", 1),
        new Search("How many reservoirs does the flood alarm system support?", 1)), 6);

    assertThat(r.stats()).isSameAs(stats);
    assertThat(r.passages()).extracting(p -> p.passage().text())
        .anyMatch(t -> t.contains("Dai Xiang")).anyMatch(t -> t.contains("reservoirs"));
    for (int i = 1; i < r.passages().size(); i++) {
      assertThat(r.passages().get(i).score()).isLessThanOrEqualTo(r.passages().get(i - 1).score());
    }
  }

  @Test
  void should_let_the_heavier_search_lead_the_fused_ranking() {
    IndexView view = retriever.open();
    Retrieval r = retriever.retrieve(view, view.termStats(""), List.of(
        new Search("Who is the co-founder of Baishan Cloud?", 1),
        new Search("How many reservoirs does the flood alarm system support?", 3)), 3);

    assertThat(r.passages().get(0).passage().text()).contains("reservoirs");
  }
}
