package org.guizhoubot.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches http(s) URLs that cannot be turned on the host running the bot. Each hop's host is
 * resolved once and every address checked by {@link AddressPolicy}; OkHttp then connects through a
 * {@link Dns} that returns exactly those checked addresses, so no second lookup can change the
 * target. Redirects are followed by hand (at most {@value #MAX_REDIRECTS}), each checked the same
 * way. The body is streamed and abandoned past the size cap; one deadline covers all hops.
 */
public final class SafeFetcher {
  public static final int MAX_REDIRECTS = 5;

  /** Media types of an article page or document. */
  public static final Set<String> ARTICLE_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain",
      "text/markdown", "text/x-markdown", "application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  /** Media types of an RSS or Atom feed. */
  public static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
      "application/xml", "text/xml", "application/rdf+xml", "application/feed+json");

  private final AddressPolicy policy;
  private final Dns resolver;
  private final Duration deadline;
  private final OkHttpClient base;

  /**
   * @param policy which addresses may be connected to
   * @param resolver looks host names up ({@link Dns#SYSTEM} in production)
   * @param deadline the most one fetch may take, all redirects and the body included
   */
  public SafeFetcher(AddressPolicy policy, Dns resolver, Duration deadline) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, was " + deadline);
    }
    this.base = new OkHttpClient.Builder()
        .proxy(Proxy.NO_PROXY)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .connectTimeout(deadline)
        .readTimeout(deadline)
        .build();
  }

  /** The production fetcher: system DNS, 30 s per fetch. */
  public static SafeFetcher of(boolean allowPrivate) {
    return new SafeFetcher(new AddressPolicy(allowPrivate), Dns.SYSTEM, Duration.ofSeconds(30));
  }

  /**
   * Fetches {@code url}, following redirects, and returns its body when the final response is a 2xx
   * with one of {@code acceptedTypes} and at most {@code maxBytes} long.
   */
  public Fetched fetch(URI url, Set<String> acceptedTypes, long maxBytes) throws FetchException {
    String original = url.toString();
    long end = System.nanoTime() + deadline.toNanos();
    HttpUrl current = httpUrl(original, url);
    for (int hop = 0; ; hop++) {
      List<InetAddress> addresses = checkedAddresses(original, current);
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw timeout(original);
      }
      String host = current.host();
      OkHttpClient client = base.newBuilder()
          .dns(name -> {
            if (name.equalsIgnoreCase(host)) {
              return addresses;
            }
            throw new UnknownHostException(name + " was not checked");
          })
          .callTimeout(left, TimeUnit.NANOSECONDS)
          .build();
      Request request = new Request.Builder().url(current)
          .header("User-Agent", "guizhou-bot (article import)")
          .header("Accept", String.join(", ", acceptedTypes) + ", */*;q=0.1")
          .build();
      Call call = client.newCall(request);
      try (Response response = call.execute()) {
        if (response.isRedirect()) {
          String location = response.header("Location");
          if (location == null) {
            throw new FetchException(original, FetchException.Reason.HTTP_STATUS,
                "HTTP " + response.code() + " redirect without a Location");
          }
          if (hop >= MAX_REDIRECTS) {
            throw new FetchException(original, FetchException.Reason.TOO_MANY_REDIRECTS,
                "more than " + MAX_REDIRECTS + " redirects");
          }
          HttpUrl next = current.resolve(location);
          if (next == null) {
            throw new FetchException(original, FetchException.Reason.REFUSED_SCHEME,
                "redirected to '" + location + "', which is not an http or https URL");
          }
          current = next;
          continue;
        }
        if (!response.isSuccessful()) {
          throw new FetchException(original, FetchException.Reason.HTTP_STATUS,
              "the server answered HTTP " + response.code());
        }
        String type = mediaType(response.header("Content-Type"));
        if (!acceptedTypes.contains(type)) {
          throw new FetchException(original, FetchException.Reason.WRONG_CONTENT_TYPE,
              "has content type '" + (type.isEmpty() ? "(none)" : type) + "', expected one of "
                  + String.join(", ", acceptedTypes.stream().sorted().toList()));
        }
        byte[] body = readCapped(original, response.body(), maxBytes, call);
        return new Fetched(url, current.uri(), type, body);
      } catch (InterruptedIOException e) {
        throw timeout(original);
      } catch (UnknownHostException e) {
        throw new FetchException(original, FetchException.Reason.UNKNOWN_HOST,
            "host " + current.host() + " cannot be resolved", e);
      } catch (IOException e) {
        throw new FetchException(original, FetchException.Reason.NETWORK,
            "could not be fetched from " + current.host() + " (" + describe(e) + ")", e);
      }
    }
  }

  private FetchException timeout(String url) {
    return new FetchException(url, FetchException.Reason.TIMEOUT,
        "no complete answer within " + deadline.toSeconds() + " s");
  }

  private static HttpUrl httpUrl(String original, URI url) throws FetchException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(original, FetchException.Reason.REFUSED_SCHEME,
          scheme.isEmpty() ? "not a URL (expected http:// or https://)"
              : "only http and https links can be fetched, not " + scheme + "://");
    }
    HttpUrl parsed = HttpUrl.parse(original);
    if (parsed == null) {
      throw new FetchException(original, FetchException.Reason.BAD_URL, "is not a valid web address");
    }
    return parsed;
  }

  /** Resolves the host once and checks every address; all must be allowed. */
  private List<InetAddress> checkedAddresses(String original, HttpUrl url) throws FetchException {
    String host = url.host();
    InetAddress literal = AddressPolicy.parseLiteral(host);
    List<InetAddress> addresses;
    if (literal != null) {
      addresses = List.of(literal);
    } else {
      try {
        addresses = List.copyOf(resolver.lookup(host));
      } catch (UnknownHostException e) {
        throw new FetchException(original, FetchException.Reason.UNKNOWN_HOST,
            "host " + host + " cannot be resolved", e);
      }
      if (addresses.isEmpty()) {
        throw new FetchException(original, FetchException.Reason.UNKNOWN_HOST, "host " + host + " has no address");
      }
    }
    for (InetAddress a : addresses) {
      Optional<AddressPolicy.Kind> refused = policy.refusal(a);
      if (refused.isPresent()) {
        String via = literal != null ? "" : " (" + host + " resolves to it)";
        String hint = refused.get() == AddressPolicy.Kind.LOOPBACK || refused.get() == AddressPolicy.Kind.PRIVATE
            || refused.get() == AddressPolicy.Kind.UNIQUE_LOCAL
            ? "; set fetch.allow.private=true (FETCH_ALLOW_PRIVATE) to fetch from an intranet" : "";
        throw new FetchException(original, FetchException.Reason.REFUSED_ADDRESS,
            "refused: " + a.getHostAddress() + via + " is " + refused.get().description() + hint);
      }
    }
    return addresses;
  }

  private static byte[] readCapped(String original, ResponseBody body, long maxBytes, Call call)
      throws IOException, FetchException {
    if (body == null) {
      return new byte[0];
    }
    long declared = body.contentLength();
    if (declared > maxBytes) {
      call.cancel();
      throw tooLarge(original, maxBytes);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 8192), maxBytes));
    byte[] buf = new byte[16384];
    try (InputStream in = body.byteStream()) {
      int n;
      while ((n = in.read(buf)) != -1) {
        if (out.size() + (long) n > maxBytes) {
          call.cancel();
          throw tooLarge(original, maxBytes);
        }
        out.write(buf, 0, n);
      }
    }
    return out.toByteArray();
  }

  private static FetchException tooLarge(String original, long maxBytes) {
    return new FetchException(original, FetchException.Reason.TOO_LARGE,
        "is larger than " + sizeText(maxBytes) + "; not fetched");
  }

  /** A size limit as people write it: 20 MB, 512 KB, 1000 bytes. */
  public static String sizeText(long bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes % 1024 == 0 ? (bytes >> 10) + " KB" : bytes + " bytes";
  }

  private static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
