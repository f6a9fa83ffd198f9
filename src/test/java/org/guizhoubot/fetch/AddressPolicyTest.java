package org.guizhoubot.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {
  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, LOOPBACK", "127.8.9.10, LOOPBACK", "::1, LOOPBACK", "::ffff:127.0.0.1, LOOPBACK",
      "10.0.0.1, PRIVATE", "172.16.5.4, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
      "100.64.0.1, PRIVATE", "::ffff:192.168.0.1, PRIVATE", "fec0::1, PRIVATE",
      "fc00::1, UNIQUE_LOCAL", "fd12:3456::1, UNIQUE_LOCAL",
      "169.254.169.254, LINK_LOCAL", "fe80::1, LINK_LOCAL", "64:ff9b::a9fe:a9fe, LINK_LOCAL",
      "2002:a9fe:a9fe::1, LINK_LOCAL",
      "224.0.0.1, MULTICAST", "ff02::1, MULTICAST",
      "0.0.0.0, UNSPECIFIED", "::, UNSPECIFIED", "0.1.2.3, UNSPECIFIED",
      "255.255.255.255, RESERVED", "240.0.0.1, RESERVED"})
  void should_classify_non_public_addresses(String literal, AddressPolicy.Kind kind) throws Exception {
    assertThat(AddressPolicy.classify(InetAddress.getByName(literal))).contains(kind);
  }

  @ParameterizedTest
  @CsvSource({"8.8.8.8", "172.32.0.1", "93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"})
  void should_accept_public_addresses(String literal) throws Exception {
    assertThat(AddressPolicy.classify(InetAddress.getByName(literal))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1, true", "10.0.0.1, true", "fd00::1, true", "169.254.169.254, false", "0.0.0.0, false",
      "224.0.0.1, false"})
  void should_allow_only_loopback_and_private_kinds_when_private_is_allowed(String literal, boolean allowed)
      throws Exception {
    Optional<AddressPolicy.Kind> refusal = new AddressPolicy(true).refusal(InetAddress.getByName(literal));
    assertThat(refusal.isEmpty()).isEqualTo(allowed);
  }
}
