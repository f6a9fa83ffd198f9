package org.guizhoubot.corpus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Article ids are file names: letters, digits, dot, dash and underscore, never a path. */
public final class ArticleIds {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");

  private ArticleIds() {}

  public static boolean isSafe(String id) {
    return id != null && SAFE.matcher(id).matches() && !id.contains("..") && !id.endsWith(".");
  }

  /** Returns {@code id} or throws with a message that says what a safe id looks like. */
  public static String requireSafe(String id) {
    if (!isSafe(id)) {
      throw new IllegalArgumentException(
          "article id '" + id + "' is not a safe file name: use 1-120 letters, digits, '.', '-' or '_',"
              + " starting with a letter or digit");
    }
    return id;
  }

  /** The id of a corpus file: its name without the extension. */
  public static String ofFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  /**
   * The id of an article fetched from {@code url}: the host (without {@code www.}), the whole path
   * and the query (tracking parameters dropped) made safe, and 8 hex digits of a hash of that same
   * normalised URL, so that two URLs that differ anywhere that matters get different ids.
   */
  public static String ofUrl(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    List<String> kept = new ArrayList<>();
    if (url.getRawQuery() != null) {
      for (String param : url.getRawQuery().split("&")) {
        String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
        if (!param.isEmpty() && !name.startsWith("utm_") && !name.equals("fbclid") && !name.equals("gclid")) {
          kept.add(param);
        }
      }
    }
    String query = String.join("&", kept);
    int port = url.getPort();
    String normalised = host + (port > 0 ? ":" + port : "") + path + (query.isEmpty() ? "" : "?" + query);
    String slug = (host + "-" + path + "-" + query).toLowerCase(Locale.ROOT)
        .replaceAll("\\.(html?|php|aspx?)(?=-|$)", "")
        .replaceAll("[^a-z0-9._]+", "-").replaceAll("-{2,}", "-")
        .replaceAll("^[^a-z0-9]+", "").replaceAll("[.-]+$", "");
    if (slug.length() > 100) {
      slug = slug.substring(0, 100).replaceAll("[.-]+$", "");
    }
    String hash = Corpus.sha256(normalised.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    return (slug.isEmpty() ? "article" : slug) + "-" + hash;
  }
}
