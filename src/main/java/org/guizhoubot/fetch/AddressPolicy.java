package org.guizhoubot.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Decides which IP addresses the fetcher may connect to. Public unicast addresses always; loopback,
 * private and unique-local only when private addresses are allowed (an intranet, tests); link-local
 * (cloud metadata lives there), multicast, unspecified, broadcast and reserved never. IPv6 forms
 * that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
 */
public final class AddressPolicy {
  /** What kind of non-public address one is; {@code allowedWhenPrivate} says if the setting admits it. */
  public enum Kind {
    LOOPBACK("a loopback address", true),
    PRIVATE("a private network address", true),
    UNIQUE_LOCAL("a unique-local IPv6 address", true),
    LINK_LOCAL("a link-local address", false),
    MULTICAST("a multicast address", false),
    UNSPECIFIED("the unspecified address", false),
    RESERVED("a reserved or broadcast address", false);

    private final String description;
    private final boolean allowedWhenPrivate;

    Kind(String description, boolean allowedWhenPrivate) {
      this.description = description;
      this.allowedWhenPrivate = allowedWhenPrivate;
    }

    public String description() {
      return description;
    }
  }

  private final boolean allowPrivate;

  public AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** The reason this address is refused, or empty when it may be connected to. */
  public Optional<Kind> refusal(InetAddress address) {
    Optional<Kind> kind = classify(address);
    if (kind.isPresent() && allowPrivate && kind.get().allowedWhenPrivate) {
      return Optional.empty();
    }
    return kind;
  }

  /** The kind of non-public address, or empty for a public unicast address. */
  public static Optional<Kind> classify(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return classifyV4(b);
    }
    if (address instanceof Inet6Address) {
      byte[] embedded = embeddedV4(b);
      if (embedded != null) {
        return classifyV4(embedded);
      }
      return classifyV6(b);
    }
    return Optional.of(Kind.RESERVED);
  }

  private static Optional<Kind> classifyV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    if (a0 == 0) {
      return Optional.of(Kind.UNSPECIFIED);
    }
    if (a0 == 127) {
      return Optional.of(Kind.LOOPBACK);
    }
    if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)
        || (a0 == 100 && a1 >= 64 && a1 <= 127)) {
      return Optional.of(Kind.PRIVATE);
    }
    if (a0 == 169 && a1 == 254) {
      return Optional.of(Kind.LINK_LOCAL);
    }
    if (a0 >= 224 && a0 <= 239) {
      return Optional.of(Kind.MULTICAST);
    }
    if (a0 >= 240 || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) || (a0 == 198 && (a1 == 18 || a1 == 19))) {
      return Optional.of(Kind.RESERVED);
    }
    return Optional.empty();
  }

  private static Optional<Kind> classifyV6(byte[] b) {
    boolean allZeroButLast = true;
    for (int i = 0; i < 15; i++) {
      allZeroButLast &= b[i] == 0;
    }
    if (allZeroButLast && b[15] == 0) {
      return Optional.of(Kind.UNSPECIFIED);
    }
    if (allZeroButLast && b[15] == 1) {
      return Optional.of(Kind.LOOPBACK);
    }
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if (b0 == 0xff) {
      return Optional.of(Kind.MULTICAST);
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
      return Optional.of(Kind.LINK_LOCAL);
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
      return Optional.of(Kind.PRIVATE); // deprecated site-local
    }
    if ((b0 & 0xfe) == 0xfc) {
      return Optional.of(Kind.UNIQUE_LOCAL);
    }
    if (b0 == 0x20 && b1 == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
      return Optional.of(Kind.RESERVED); // documentation range
    }
    return Optional.empty();
  }

  /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address, else null. */
  private static byte[] embeddedV4(byte[] b) {
    boolean firstTenZero = true;
    for (int i = 0; i < 10; i++) {
      firstTenZero &= b[i] == 0;
    }
    boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0
        && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xff) <= 1);
    boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
        && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0 && b[10] == 0 && b[11] == 0;
    if (mapped || compatible || nat64) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    if (b[0] == 0x20 && b[1] == 0x02) {
      return new byte[] {b[2], b[3], b[4], b[5]};
    }
    return null;
  }

  /** Parses an IP literal (IPv4 dotted or IPv6, with or without brackets) without any DNS lookup, else null. */
  static InetAddress parseLiteral(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean v4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = h.contains(":") && h.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
    if (!v4 && !v6) {
      return null;
    }
    try {
      return InetAddress.getByName(h); // a literal: parsed, never looked up
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
