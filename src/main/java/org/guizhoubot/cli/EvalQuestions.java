package org.guizhoubot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.guizhoubot.jsonl.JsonLines;

/** Reads an eval question file and orders it for asking, a conversation's lines together in turn order. */
final class EvalQuestions {
  private EvalQuestions() {}

  /**
   * One line of a question file: gold article ids (empty: should decline), answer patterns, its kind
   * (null if none) and, for a conversation's line, the conversation and turn (null and 0 otherwise).
   */
  record Question(String id, String question, Set<String> gold, List<Pattern> answer, String kind,
      String conversation, int turn) {
    /** Turn 1 of a conversation only sets the context; it is asked but not scored. */
    boolean scored() {
      return conversation == null || turn >= 2;
    }
  }

  /** Reads a question file, refusing a missing file or a bad line with a message naming it. */
  static List<Question> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("no such file: " + file);
    }
    List<Question> out = new ArrayList<>();
    JsonLines.read(file, new JsonLines.Visitor() {
      @Override
      public void invalid(int lineNo, JsonProcessingException e) {
        throw new BadInputException(file.getFileName() + " line " + lineNo + ": " + e.getMessage());
      }

      @Override
      public void json(int lineNo, JsonNode n) {
        try {
          out.add(question(file, lineNo, n));
        } catch (PatternSyntaxException e) {
          throw new BadInputException(file.getFileName() + " line " + lineNo + ": " + e.getMessage());
        }
      }
    });
    return out;
  }

  private static Question question(Path file, int lineNo, JsonNode n) {
    if (n.get("question") == null) {
      throw new BadInputException(file.getFileName() + " line " + lineNo + ": no \"question\"");
    }
    Set<String> gold = n.has("articles") ? toList(n.get("articles")).stream().collect(Collectors.toSet()) : Set.of();
    List<Pattern> answer = n.has("answer")
        ? toList(n.get("answer")).stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList()
        : List.of();
    String conversation = n.hasNonNull("conversation") ? n.get("conversation").asText() : null;
    if (conversation != null && (!n.has("turn") || !n.get("turn").canConvertToInt() || n.get("turn").asInt() < 1)) {
      throw new BadInputException(file.getFileName() + " line " + lineNo
          + ": a line with \"conversation\" needs a \"turn\" of 1 or more");
    }
    return new Question(n.path("id").asText("line " + lineNo), n.get("question").asText(), gold, answer,
        n.hasNonNull("kind") ? n.get("kind").asText() : null, conversation,
        conversation == null ? 0 : n.get("turn").asInt());
  }

  /**
   * The questions in file order, except that a conversation's lines are asked together, in turn
   * order, where its first line stands.
   */
  static List<Question> inTurnOrder(List<Question> questions) {
    Map<String, List<Question>> conversations = new LinkedHashMap<>();
    for (Question q : questions) {
      if (q.conversation() != null) {
        conversations.computeIfAbsent(q.conversation(), c -> new ArrayList<>()).add(q);
      }
    }
    List<Question> out = new ArrayList<>(questions.size());
    for (Question q : questions) {
      if (q.conversation() == null) {
        out.add(q);
      } else {
        List<Question> turns = conversations.remove(q.conversation());
        if (turns != null) {
          turns.sort(Comparator.comparingInt(Question::turn));
          out.addAll(turns);
        }
      }
    }
    return out;
  }

  private static List<String> toList(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}
