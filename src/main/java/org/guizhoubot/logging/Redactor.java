package org.guizhoubot.logging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Removes secrets from text bound for a log or the console: every secret value the process knows
 * of (the environment's {@code TELEGRAM_BOT_TOKEN} and {@code LLM_API_KEY}, and any value passed to
 * {@link #remember}), plain or URL-encoded, and anything shaped like a Telegram Bot API token.
 */
public final class Redactor {
  /** What a secret is replaced with. */
  public static final String MASK = "<redacted>";
  /** The environment variables whose values are secrets. */
  public static final List<String> SECRET_VARIABLES = List.of("TELEGRAM_BOT_TOKEN", "LLM_API_KEY");

  /** A Bot API token: the bot's numeric id, a colon (maybe URL-encoded), and a long random part. */
  static final Pattern BOT_TOKEN = Pattern.compile("\\d{5,}(?::|%3[Aa])[A-Za-z0-9_-]{30,}");
  /** Shorter values are not masked literally: they would blank out ordinary words. */
  static final int MIN_SECRET_LENGTH = 6;

  private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();
  private static volatile List<String> longestFirst = List.of();

  static {
    rememberAll(System.getenv());
  }

  private Redactor() {}

  /** Masks {@code secret} from now on, wherever it appears; null, blank and very short values are ignored. */
  public static synchronized void remember(String secret) {
    if (secret == null) {
      return;
    }
    String s = secret.strip();
    if (s.length() < MIN_SECRET_LENGTH) {
      return;
    }
    SECRETS.add(s);
    SECRETS.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
    longestFirst = SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** Remembers the values of {@link #SECRET_VARIABLES} found in {@code env}. */
  public static void rememberAll(Map<String, String> env) {
    for (String name : SECRET_VARIABLES) {
      remember(env.get(name));
    }
  }

  /** {@code text} with every known secret and every token-shaped string replaced by {@link #MASK}. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : longestFirst) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return BOT_TOKEN.matcher(out).replaceAll(MASK);
  }
}
