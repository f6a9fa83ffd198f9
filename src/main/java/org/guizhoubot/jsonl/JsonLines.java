package org.guizhoubot.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON Lines file (UTF-8, one JSON value a line, blank lines skipped), handing each line's
 * value, or the reason it is not JSON, to a {@link Visitor} with its line number (from 1).
 */
public final class JsonLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonLines() {}

  /** What is done with each line; a line that is not JSON fails the read unless {@link #invalid} says otherwise. */
  public interface Visitor {
    void json(int lineNo, JsonNode value) throws IOException;

    default void invalid(int lineNo, JsonProcessingException error) throws IOException {
      throw error;
    }
  }

  /** Reads {@code file} line by line, streaming. */
  public static void read(Path file, Visitor visitor) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode value;
        try {
          value = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
          visitor.invalid(lineNo, e);
          continue;
        }
        visitor.json(lineNo, value);
      }
    }
  }
}
