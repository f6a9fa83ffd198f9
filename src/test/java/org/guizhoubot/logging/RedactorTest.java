package org.guizhoubot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void should_leave_ordinary_text_and_short_numbers_alone() {
    String text = "Indexed 5 articles (37 passages) at 12:30:15; chat 123456789 asked about Guian";

    assertThat(Redactor.redact(text)).isEqualTo(text);
  }

  @Test
  void should_mask_the_secrets_found_in_an_environment_plain_and_url_encoded() {
    String key = "key/with+chars=" + System.nanoTime();
    Redactor.rememberAll(Map.of("LLM_API_KEY", key, "OTHER", "not-a-secret-value"));

    assertThat(Redactor.redact("a=" + key + " b=" + key.replace("/", "%2F").replace("+", "%2B").replace("=", "%3D")))
        .isEqualTo("a=" + Redactor.MASK + " b=" + Redactor.MASK);
    assertThat(Redactor.redact("not-a-secret-value")).isEqualTo("not-a-secret-value");
  }

  @Test
  void should_ignore_secrets_too_short_to_mask_safely() {
    Redactor.remember("abc");
    Redactor.remember("   ");
    Redactor.remember(null);

    assertThat(Redactor.redact("abc abc")).isEqualTo("abc abc");
  }
}
