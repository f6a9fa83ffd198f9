package org.guizhoubot.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * A fetched body: the URL asked for, the URL it finally came from (after redirects), its media type
 * (lower case, without parameters) and its bytes.
 */
public record Fetched(URI requested, URI finalUrl, String mediaType, byte[] body) {
  public Fetched {
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(finalUrl, "finalUrl");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(body, "body");
  }
}
