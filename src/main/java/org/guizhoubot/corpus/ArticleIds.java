package org.guizhoubot.corpus;

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
}
