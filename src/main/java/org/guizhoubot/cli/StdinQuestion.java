package org.guizhoubot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;

/** A JSON line given to {@code ask} on standard input: a question and, optionally, its conversation. */
record StdinQuestion(String question, String conversation) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  StdinQuestion {
    Objects.requireNonNull(question, "question");
  }

  /** The line's question, or empty after telling {@code err} what is wrong with the line. */
  static Optional<StdinQuestion> parse(String line, int lineNo, PrintWriter err) {
    JsonNode n;
    try {
      n = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      err.println("Error: line " + lineNo + " is not valid JSON (" + e.getOriginalMessage() + "); skipped");
      err.flush();
      return Optional.empty();
    }
    JsonNode q = n.get("question");
    if (!n.isObject() || q == null || !q.isTextual() || q.asText().isBlank()) {
      err.println("Error: line " + lineNo + " has no \"question\" text; skipped");
      err.flush();
      return Optional.empty();
    }
    JsonNode c = n.get("conversation");
    if (c != null && !c.isNull() && (!c.isValueNode() || c.asText().isBlank())) {
      err.println("Error: line " + lineNo + ": \"conversation\" must be a non-empty string or number; skipped");
      err.flush();
      return Optional.empty();
    }
    return Optional.of(new StdinQuestion(q.asText(), c == null || c.isNull() ? null : c.asText()));
  }
}
