package org.guizhoubot.config;

import static org.guizhoubot.config.SettingKeys.KEYS;
import static org.guizhoubot.config.SettingKeys.LLM_API_KEY_ENV;
import static org.guizhoubot.config.SettingKeys.TOKEN_ENV;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.guizhoubot.config.SettingKeys.Key;

/** The config file's layer: a UTF-8 properties file of known keys, refusing secrets and unknown keys. */
final class ConfigFile {
  /** File keys that would hold a secret: refused, so a token never sits in a committed file. */
  private static final Map<String, String> SECRET_KEYS = Map.of(
      "telegram.bot.token", TOKEN_ENV,
      "telegram.token", TOKEN_ENV,
      "bot.token", TOKEN_ENV,
      "llm.api.key", LLM_API_KEY_ENV);

  private ConfigFile() {}

  /** Reads a properties file and rejects unknown keys and secrets, naming the key and the file. */
  static Map<String, String> read(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (CharacterCodingException e) {
      throw new SettingsException(file.toString(), file + ": not UTF-8 text", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new SettingsException(file.toString(), file + ": cannot be read: " + e.getMessage(), e);
    }
    Map<String, String> values = new HashMap<>();
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      if (KEYS.stream().anyMatch(k -> k.name().equals(key))) {
        values.put(key, p.getProperty(key));
        continue;
      }
      String secretEnv = secretEnv(key);
      if (secretEnv != null) {
        throw new SettingsException(key, file + ": " + key + " is a secret and is read only from the"
            + " environment variable " + secretEnv + "; remove it from the file"
            + " (and revoke it if the file was ever shared)");
      }
      throw new SettingsException(key, file + ": unknown key " + key + suggestion(key)
          + "; known keys: " + String.join(", ", KEYS.stream().map(Key::name).toList()));
    }
    return values;
  }

  /** The environment variable a secret-looking key belongs in, or null when the key is no secret. */
  private static String secretEnv(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (SECRET_KEYS.containsKey(k)) {
      return SECRET_KEYS.get(k);
    }
    if (k.equals(TOKEN_ENV.toLowerCase(Locale.ROOT)) || k.contains("token")) {
      return TOKEN_ENV;
    }
    if (k.equals(LLM_API_KEY_ENV.toLowerCase(Locale.ROOT)) || k.contains("api.key") || k.contains("apikey")
        || k.contains("api_key") || k.contains("secret") || k.contains("password")) {
      return k.startsWith("telegram") ? TOKEN_ENV : LLM_API_KEY_ENV;
    }
    return null;
  }

  /** "; did you mean bot.workers?" for a key written as its environment variable or with other separators. */
  private static String suggestion(String unknown) {
    String norm = unknown.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    for (Key k : KEYS) {
      if (k.env().equalsIgnoreCase(unknown) || k.name().equals(norm)) {
        return " (did you mean " + k.name() + "?)";
      }
    }
    return "";
  }

}
