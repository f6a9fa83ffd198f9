package org.guizhoubot.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guizhoubot.jsonl.JsonLines;

/**
 * Reads a JSON Lines import: one article a line ({@code id}, {@code text}, optional {@code title},
 * {@code source}, {@code url}, {@code published}, {@code category}); bad lines and repeated ids are
 * reported with their line numbers and skipped, the others written as Markdown.
 */
final class JsonlArticles {
  private JsonlArticles() {}

  static JsonlImport importFile(Path file, boolean replace, CorpusWriter writer) throws IOException {
    List<AddOutcome> stored = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    JsonLines.read(file, new JsonLines.Visitor() {
      @Override
      public void invalid(int lineNo, JsonProcessingException e) {
        problems.add(new Problem(where(file, lineNo), "is not valid JSON (error at column "
            + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + "); skipped"));
      }

      @Override
      public void json(int lineNo, JsonNode node) {
        String where = where(file, lineNo);
        if (!node.isObject()) {
          problems.add(new Problem(where, "is not a JSON object; skipped"));
          return;
        }
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
          problems.add(new Problem(where, "has no \"id\"; skipped"));
          return;
        }
        if (!ArticleIds.isSafe(id)) {
          problems.add(new Problem(where, "id '" + id + "' is not a safe file name (1-120 letters, digits,"
              + " '.', '-' or '_', starting with a letter or digit); skipped"));
          return;
        }
        Integer first = firstLine.putIfAbsent(id, lineNo);
        if (first != null) {
          problems.add(new Problem(where, "id '" + id + "' appears again (first on line " + first + "); skipped"));
          return;
        }
        String body = text(node, "text");
        if (body == null || body.isBlank()) {
          problems.add(new Problem(where, "article '" + id + "' has no \"text\"; skipped"));
          return;
        }
        String title = text(node, "title");
        Article article = new Article(id, title == null || title.isBlank() ? titleFromText(body) : title,
            text(node, "source"), text(node, "published"), text(node, "url"), text(node, "category"), body);
        AddOutcome outcome = writer.store(where, article, "md", ArticleMarkdown.of(article), replace, false);
        if (outcome.stored()) {
          stored.add(outcome);
        }
        outcome.skipped().ifPresent(problems::add);
      }
    });
    return new JsonlImport(stored, problems);
  }

  private static String where(Path file, int lineNo) {
    return file.getFileName() + " line " + lineNo;
  }

  static String titleFromText(String body) {
    String s = body.strip();
    int nl = s.indexOf('\n');
    if (nl > 0 && nl <= 160) {
      return s.substring(0, nl).strip();
    }
    int end = s.indexOf(". ");
    return ArticleReader.shorten(end > 0 && end < 160 ? s.substring(0, end) : s);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
