package org.guizhoubot.corpus;

/** An article file that cannot be read as an article; the message names the file. */
public final class ArticleFormatException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String fileName;
  private final String problem;

  public ArticleFormatException(String fileName, String problem) {
    super(fileName + ": " + problem);
    this.fileName = fileName;
    this.problem = problem;
  }

  public ArticleFormatException(String fileName, String problem, Throwable cause) {
    super(fileName + ": " + problem, cause);
    this.fileName = fileName;
    this.problem = problem;
  }

  /** What is wrong with the file, without its name. */
  public String problem() {
    return problem;
  }

  public String fileName() {
    return fileName;
  }
}
