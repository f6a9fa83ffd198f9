package org.guizhoubot.telegram.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.transport.Updates;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * An {@link Incoming} as the inbox keeps it in {@code bot.db}: the record's fields and its
 * {@code kind}. Reads back, too, the telegrambots {@link Update} that versions before kept, so
 * updates a crash left unhandled are still handled after an upgrade.
 */
final class IncomingJson {
  private static final String KIND = "kind";

  private final ObjectMapper json;
  private final Updates updates;

  IncomingJson(ObjectMapper json, Updates updates) {
    this.json = Objects.requireNonNull(json, "json");
    this.updates = Objects.requireNonNull(updates, "updates");
  }

  String write(Incoming in) throws JsonProcessingException {
    ObjectNode node = json.valueToTree(in);
    node.put(KIND, in instanceof Incoming.Text ? "text" : in instanceof Incoming.Upload ? "upload" : "press");
    return json.writeValueAsString(node);
  }

  /** What was recorded; empty for a recorded {@link Update} the bot ignores. */
  Optional<Incoming> read(String payload) throws JsonProcessingException {
    JsonNode node = json.readTree(payload);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("a recorded update is a JSON object, was: " + abbreviate(payload));
    }
    if (!object.has(KIND)) {
      return updates.translate(json.treeToValue(object, Update.class));
    }
    String kind = object.remove(KIND).asText();
    Class<? extends Incoming> type = switch (kind) {
      case "text" -> Incoming.Text.class;
      case "upload" -> Incoming.Upload.class;
      case "press" -> Incoming.Press.class;
      default -> throw new IllegalArgumentException("unknown kind of recorded update '" + kind + "'");
    };
    return Optional.of(json.treeToValue(object, type));
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
