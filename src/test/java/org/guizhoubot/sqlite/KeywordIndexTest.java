package org.guizhoubot.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.guizhoubot.SeedIndex;
import org.guizhoubot.TestFixtures;
import org.junit.jupiter.api.Test;
import org.guizhoubot.text.QueryTerms;

class KeywordIndexTest {
  private final IndexSnapshot snapshot = SeedIndex.snapshot();

  /** SQLite FTS5 is the reference: the same passages, ranked by its bm25() with the same weights. */
  @Test
  void should_rank_passages_exactly_as_sqlite_fts5_bm25_does() throws Exception {
    List<List<String>> queries = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(TestFixtures.resource("eval/own-questions.jsonl"))) {
      queries.add(QueryTerms.contentTerms(json.readTree(line).get("question").asText()));
    }
    queries.add(List.of("19.3", "billion"));
    queries.add(List.of("Guiyang", "Guizhou", "data"));
    queries.add(List.of("exhibitors", "companies", "investments"));
    KeywordIndex keywords = KeywordIndex.of(snapshot);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE VIRTUAL TABLE fts USING fts5(text, title, tokenize = 'porter unicode61 remove_diacritics 2')");
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO fts(rowid, text, title) VALUES (?, ?, ?)")) {
        for (int i = 0; i < snapshot.passages().size(); i++) {
          var p = snapshot.passages().get(i).passage();
          insert.setInt(1, i);
          insert.setString(2, p.text());
          insert.setString(3, snapshot.articles().get(p.articleId()).title());
          insert.executeUpdate();
        }
      }
      int compared = 0;
      for (List<String> terms : queries) {
        List<Integer> expected = fts(c, terms);
        assertThat(keywords.search(terms, 40)).as("terms %s", terms).isEqualTo(expected);
        compared += expected.isEmpty() ? 0 : 1;
      }
      assertThat(compared).isGreaterThan(queries.size() / 2);
    }
  }

  @Test
  void should_match_a_number_only_as_the_whole_phrase() {
    KeywordIndex keywords = KeywordIndex.of(snapshot);

    List<Integer> hits = keywords.search(List.of("19.3"), 40);

    assertThat(hits).isNotEmpty().allSatisfy(pos ->
        assertThat(snapshot.passages().get(pos).passage().text()).containsPattern("19\\.3"));
  }

  @Test
  void should_find_nothing_for_terms_the_passages_lack() {
    assertThat(KeywordIndex.of(snapshot).search(List.of("zeppelin", "marmalade"), 40)).isEmpty();
  }

  private static List<Integer> fts(Connection c, List<String> terms) throws Exception {
    String query = String.join(" OR ", terms.stream().map(t -> "\"" + t.replace("\"", "") + "\"").toList());
    List<Integer> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 1.0, 0.5), rowid LIMIT 40")) {
      s.setString(1, query);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
    }
    return out;
  }
}
