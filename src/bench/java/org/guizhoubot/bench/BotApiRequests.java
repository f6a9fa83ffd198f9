package org.guizhoubot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The parameters of a Bot API request as a fake Bot API server receives them (JSON, a URL-encoded
 * form or a multipart form), as one JSON object; shared by the bench's fake and the tests'.
 */
public final class BotApiRequests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BotApiRequests() {}

  /** The request's parameters; an empty object for an empty body. */
  public static JsonNode body(HttpExchange ex) throws IOException {
    byte[] bytes = ex.getRequestBody().readAllBytes();
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (bytes.length == 0) {
      return JSON.createObjectNode();
    }
    if (type != null && type.contains("x-www-form-urlencoded")) {
      ObjectNode o = JSON.createObjectNode();
      for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          o.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return o;
    }
    if (type != null && type.contains("multipart/form-data")) {
      return formParts(new String(bytes, StandardCharsets.UTF_8), type.substring(type.indexOf("boundary=") + 9));
    }
    return JSON.readTree(bytes);
  }

  /** The text fields of a multipart form (as setWebhook sends them), by name. */
  private static ObjectNode formParts(String body, String boundary) {
    ObjectNode o = JSON.createObjectNode();
    for (String part : body.split("--" + Pattern.quote(boundary.replace("\"", "")))) {
      int name = part.indexOf("name=\"");
      int blank = part.indexOf("\r\n\r\n");
      if (name < 0 || blank < 0) {
        continue;
      }
      String key = part.substring(name + 6, part.indexOf('"', name + 6));
      o.put(key, part.substring(blank + 4).replaceAll("\r\n$", ""));
    }
    return o;
  }
}
