package org.guizhoubot.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

/** The flat {@code key: value} subset of YAML used in article front matter. */
final class FrontMatter {
  private FrontMatter() {}

  static Map<String, String> parse(String fileName, String block) throws ArticleFormatException {
    Map<String, String> out = new LinkedHashMap<>();
    int lineNo = 1;
    for (String line : block.split("\n", -1)) {
      lineNo++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      int colon = s.indexOf(':');
      if (colon <= 0) {
        throw new ArticleFormatException(
            fileName, "front matter line " + lineNo + " is not 'key: value': " + s);
      }
      String key = s.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
      out.put(key, unquote(s.substring(colon + 1).strip()));
    }
    return out;
  }

  static String unquote(String v) {
    if (v.length() >= 2
        && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
      String inner = v.substring(1, v.length() - 1);
      return v.startsWith("\"") ? inner.replace("\\\"", "\"").replace("\\\\", "\\") : inner.replace("''", "'");
    }
    return v;
  }

  /** A value written so that {@link #parse} reads it back unchanged. */
  static String quote(String v) {
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }
}
