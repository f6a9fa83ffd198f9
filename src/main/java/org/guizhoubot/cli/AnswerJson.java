package org.guizhoubot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.guizhoubot.answer.AnswerFormatter;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.answer.Citation;
import org.guizhoubot.answer.Outcome;
import org.guizhoubot.conversation.Expansion;
import org.guizhoubot.language.Language;

/** The JSON shape of one answer, as printed by {@code ask --json}. */
final class AnswerJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AnswerJson() {}

  static ObjectNode of(AnswerResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    Outcome outcome = r.outcome();
    o.put("question", outcome.question());
    o.put("answered", outcome instanceof Outcome.Answered);
    o.put("answer", AnswerFormatter.plain(outcome, r.reading().language()));
    o.put("composer", outcome.composer());
    o.put("language", r.reading().language() == Language.CHINESE ? "zh" : "en");
    o.put("search", r.reading().searchText());
    o.put("reading", r.reading().composedText());
    if (r.reading().translation() != org.guizhoubot.answer.Reading.Translation.NONE) {
      o.put("translation", r.reading().translation().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (r.reading().expansion() instanceof Expansion.Expanded e) {
      ObjectNode x = o.putObject("expansion");
      x.put("trigger", e.trigger().name().toLowerCase(java.util.Locale.ROOT));
      ArrayNode added = x.putArray("added");
      e.added().forEach(added::add);
      x.put("query", e.expanded());
    } else {
      o.putNull("expansion");
    }
    ArrayNode cites = o.putArray("citations");
    if (outcome instanceof Outcome.Answered a) {
      for (Citation c : a.citations()) {
        ObjectNode n = cites.addObject();
        n.put("n", c.n());
        n.put("article", c.articleId());
        n.put("title", c.title());
        n.put("source", c.source());
        n.put("published", c.published());
        n.put("url", c.url());
        n.put("passage", c.passage());
      }
    }
    ObjectNode t = o.putObject("timings_ms");
    t.put("retrieve", round(r.retrieveMs()));
    t.put("compose", round(r.composeMs()));
    t.put("total", round(r.totalMs()));
    return o;
  }

  static String line(AnswerResult r) {
    try {
      return MAPPER.writeValueAsString(of(r));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer as JSON", e);
    }
  }

  private static double round(double ms) {
    return Math.round(ms * 100) / 100.0;
  }
}
