package org.guizhoubot.fetch;

import java.util.Objects;

/** A URL that was refused or could not be fetched; {@link #reason()} says which, the message says why. */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a fetch did not return a body. */
  public enum Reason {
    BAD_URL, REFUSED_SCHEME, REFUSED_ADDRESS, UNKNOWN_HOST, TOO_MANY_REDIRECTS, HTTP_STATUS,
    WRONG_CONTENT_TYPE, TOO_LARGE, TIMEOUT, NETWORK
  }

  private final String url;
  private final Reason reason;
  private final String problem;

  public FetchException(String url, Reason reason, String problem) {
    this(url, reason, problem, null);
  }

  public FetchException(String url, Reason reason, String problem, Throwable cause) {
    super(url + ": " + problem, cause);
    this.url = Objects.requireNonNull(url, "url");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public String url() {
    return url;
  }

  public Reason reason() {
    return reason;
  }

  /** The problem without the URL in front. */
  public String problem() {
    return problem;
  }
}
