package org.guizhoubot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {
  @Test
  void should_give_different_urls_different_ids() {
    List<String> ids = List.of("https://news.example.com/article.html", "https://news.example.com/other/article.html",
            "https://news.example.com/article.html?id=7", "https://news.example.com/article.html?id=8",
            "https://other.example.com/article.html", "https://news.example.com/a-b", "https://news.example.com/a/b")
        .stream().map(u -> ArticleIds.ofUrl(URI.create(u))).toList();

    assertThat(ids).doesNotHaveDuplicates().allMatch(ArticleIds::isSafe);
  }

  @Test
  void should_make_a_readable_id_from_host_and_path() {
    assertThat(ArticleIds.ofUrl(URI.create("https://www.chinadaily.com.cn/a/202205/26/guizhou.html")))
        .matches("chinadaily\\.com\\.cn-a-202205-26-guizhou-[0-9a-f]{8}");
  }

  @Test
  void should_ignore_tracking_parameters_and_the_fragment() {
    assertThat(ArticleIds.ofUrl(URI.create("https://example.com/news?id=3&utm_source=x#top")))
        .isEqualTo(ArticleIds.ofUrl(URI.create("https://example.com/news?id=3")));
  }

  @Test
  void should_keep_long_urls_within_the_id_limit() {
    String id = ArticleIds.ofUrl(URI.create("https://example.com/" + "segment/".repeat(40)));
    assertThat(ArticleIds.isSafe(id)).isTrue();
  }
}
