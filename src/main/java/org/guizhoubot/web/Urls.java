package org.guizhoubot.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The one test of what counts as a web address here: an absolute http or https URI with a host. */
public final class Urls {
  private Urls() {}

  /** Whether the text is meant as a web address (starts with http:// or https://, any case). */
  public static boolean isWeb(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return t.startsWith("http://") || t.startsWith("https://");
  }

  /** The text as an http(s) URI with a host and no whitespace, or empty when it is not one. */
  public static Optional<URI> parse(String text) {
    if (text == null || text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
      return Optional.empty();
    }
    try {
      URI u = new URI(text);
      return isWeb(u) ? Optional.of(u) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Whether the URI is absolute, http or https, and names a host. */
  public static boolean isWeb(URI u) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isBlank();
  }
}
