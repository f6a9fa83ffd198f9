package org.guizhoubot.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.guizhoubot.config.SettingKeys.Key;
import org.guizhoubot.web.Urls;

/**
 * Looks a key up layer by layer (flag, environment, file, default) and parses it, remembering where
 * the value came from, so that a bad value's message names the key and its source.
 */
final class SettingResolver {
  private final Map<String, String> flags;
  private final Map<String, String> env;
  private final Map<String, String> file;
  private final String fileName;

  /**
   * @param flags command-line values by key name
   * @param env the process environment
   * @param file the config file's values by key name
   * @param fileName the config file's name as shown in messages
   */
  SettingResolver(Map<String, String> flags, Map<String, String> env, Map<String, String> file, String fileName) {
    this.flags = Objects.requireNonNull(flags, "flags");
    this.env = Objects.requireNonNull(env, "env");
    this.file = Objects.requireNonNull(file, "file");
    this.fileName = Objects.requireNonNull(fileName, "fileName");
  }

  record Raw(String value, String origin) {}

  Raw raw(Key key) {
    String v = blankToNull(flags.get(key.name()));
    if (v != null) {
      return new Raw(v, "command-line option");
    }
    v = blankToNull(env.get(key.env()));
    if (v != null) {
      return new Raw(v, "environment variable " + key.env());
    }
    v = blankToNull(file.get(key.name()));
    if (v != null) {
      return new Raw(v, fileName);
    }
    return new Raw(key.defaultValue(), "default");
  }

  SettingsException bad(Key key, Raw raw, String expected) {
    return new SettingsException(key.name(), "bad value for " + key.name() + " (from " + raw.origin()
        + "): expected " + expected + ", got '" + raw.value() + "'");
  }

  Path path(Key key) {
    Raw raw = raw(key);
    try {
      return Path.of(raw.value());
    } catch (InvalidPathException e) {
      throw bad(key, raw, "a folder path");
    }
  }

  String text(Key key) {
    return raw(key).value();
  }

  String url(Key key) {
    Raw raw = raw(key);
    if (raw.value() == null) {
      return null;
    }
    String expected = "an http:// or https:// URL such as " + (key == SettingKeys.LLM_BASE_URL
        ? "http://localhost:11434/v1" : Settings.DEFAULT_TELEGRAM_API_URL);
    URI u = Urls.parse(raw.value()).orElseThrow(() -> bad(key, raw, expected));
    if (u.getQuery() != null || u.getFragment() != null) {
      throw bad(key, raw, expected);
    }
    String v = raw.value();
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }

  int integer(Key key, int min, int max) {
    Raw raw = raw(key);
    try {
      int n = Integer.parseInt(raw.value());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, raw, "a whole number from " + min + " to " + max);
  }

  boolean bool(Key key) {
    Raw raw = raw(key);
    String v = raw.value().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw bad(key, raw, "true or false");
  }

  double decimal(Key key, double min, double max) {
    Raw raw = raw(key);
    try {
      double d = Double.parseDouble(raw.value());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, raw, "a number from " + min + " to " + max);
  }

  Set<Long> ids(Key key) {
    Raw raw = raw(key);
    Set<Long> ids = new LinkedHashSet<>();
    if (raw.value() == null) {
      return ids;
    }
    for (String item : raw.value().split(",")) {
      String part = item.strip();
      if (part.isEmpty()) {
        continue;
      }
      try {
        long id = Long.parseLong(part);
        if (id > 0) {
          ids.add(id);
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new SettingsException(key.name(), "bad value for " + key.name() + " (from " + raw.origin()
          + "): '" + part + "' is not a numeric Telegram user id; expected positive whole numbers"
          + " separated by commas, such as 123456789,987654321");
    }
    return ids;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
