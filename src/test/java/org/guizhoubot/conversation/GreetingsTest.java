package org.guizhoubot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.guizhoubot.conversation.Greetings.Greeting;
import org.guizhoubot.conversation.Greetings.Kind;
import org.guizhoubot.language.Language;
import org.junit.jupiter.api.Test;

class GreetingsTest {
  @Test
  void should_tell_greetings_and_thanks_in_either_language() {
    assertThat(Greetings.of("hello")).contains(new Greeting(Kind.HELLO, Language.ENGLISH));
    assertThat(Greetings.of("Hi!")).contains(new Greeting(Kind.HELLO, Language.ENGLISH));
    assertThat(Greetings.of("hey there @GuizhouTestBot")).contains(new Greeting(Kind.HELLO, Language.ENGLISH));
    assertThat(Greetings.of("Thanks a lot, bot 👍")).contains(new Greeting(Kind.THANKS, Language.ENGLISH));
    assertThat(Greetings.of("thank you")).contains(new Greeting(Kind.THANKS, Language.ENGLISH));
    assertThat(Greetings.of("你好")).contains(new Greeting(Kind.HELLO, Language.CHINESE));
    assertThat(Greetings.of("您好！")).contains(new Greeting(Kind.HELLO, Language.CHINESE));
    assertThat(Greetings.of("谢谢")).contains(new Greeting(Kind.THANKS, Language.CHINESE));
    assertThat(Greetings.of("謝謝你～")).contains(new Greeting(Kind.THANKS, Language.CHINESE));
  }

  @Test
  void should_leave_a_question_a_question_even_after_a_greeting() {
    assertThat(Greetings.of("hi, who founded Baishan Cloud?")).isEmpty();
    assertThat(Greetings.of("Hello Kitty")).isEmpty();
    assertThat(Greetings.of("thanks for the 200 deals: who signed them")).isEmpty();
    assertThat(Greetings.of("你好，白山云的联合创始人是谁？")).isEmpty();
    assertThat(Greetings.of("谢谢数博会")).isEmpty();
    assertThat(Greetings.of("Guian")).isEmpty();
    assertThat(Greetings.of("")).isEmpty();
  }
}
