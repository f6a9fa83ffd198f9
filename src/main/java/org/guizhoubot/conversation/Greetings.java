package org.guizhoubot.conversation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guizhoubot.language.Language;

/**
 * Tells a message that is only a greeting or a thanks ("hello", "thanks!", 你好, 谢谢) from a
 * question; a greeting with a question after it ("hi, who founded Baishan Cloud?") is a question.
 */
public final class Greetings {
  /** What a message that asks nothing says, and the language to answer it in. */
  public record Greeting(Kind kind, Language language) {}

  /** Hello or thanks. */
  public enum Kind { HELLO, THANKS }

  private static final Map<String, Kind> ENGLISH = Map.ofEntries(
      Map.entry("hi", Kind.HELLO), Map.entry("hello", Kind.HELLO), Map.entry("hey", Kind.HELLO),
      Map.entry("hiya", Kind.HELLO), Map.entry("hallo", Kind.HELLO), Map.entry("howdy", Kind.HELLO),
      Map.entry("greetings", Kind.HELLO), Map.entry("good morning", Kind.HELLO),
      Map.entry("good afternoon", Kind.HELLO), Map.entry("good evening", Kind.HELLO),
      Map.entry("hello there", Kind.HELLO), Map.entry("hi there", Kind.HELLO), Map.entry("hey there", Kind.HELLO),
      Map.entry("thanks", Kind.THANKS), Map.entry("thank you", Kind.THANKS), Map.entry("thx", Kind.THANKS),
      Map.entry("ty", Kind.THANKS), Map.entry("cheers", Kind.THANKS), Map.entry("thanks a lot", Kind.THANKS),
      Map.entry("thank you very much", Kind.THANKS), Map.entry("many thanks", Kind.THANKS),
      Map.entry("thanks very much", Kind.THANKS), Map.entry("thank you so much", Kind.THANKS),
      Map.entry("thanks so much", Kind.THANKS), Map.entry("great thanks", Kind.THANKS),
      Map.entry("ok thanks", Kind.THANKS), Map.entry("okay thanks", Kind.THANKS));
  private static final Map<String, Kind> CHINESE = Map.ofEntries(
      Map.entry("你好", Kind.HELLO), Map.entry("您好", Kind.HELLO), Map.entry("嗨", Kind.HELLO),
      Map.entry("哈喽", Kind.HELLO), Map.entry("哈囉", Kind.HELLO), Map.entry("大家好", Kind.HELLO),
      Map.entry("早上好", Kind.HELLO), Map.entry("上午好", Kind.HELLO), Map.entry("下午好", Kind.HELLO),
      Map.entry("晚上好", Kind.HELLO), Map.entry("早", Kind.HELLO), Map.entry("早安", Kind.HELLO),
      Map.entry("你好啊", Kind.HELLO), Map.entry("你好呀", Kind.HELLO), Map.entry("妳好", Kind.HELLO),
      Map.entry("谢谢", Kind.THANKS), Map.entry("謝謝", Kind.THANKS), Map.entry("谢谢你", Kind.THANKS),
      Map.entry("謝謝你", Kind.THANKS), Map.entry("谢谢您", Kind.THANKS), Map.entry("多谢", Kind.THANKS),
      Map.entry("多謝", Kind.THANKS), Map.entry("感谢", Kind.THANKS), Map.entry("感謝", Kind.THANKS),
      Map.entry("非常感谢", Kind.THANKS), Map.entry("太感谢了", Kind.THANKS), Map.entry("谢啦", Kind.THANKS),
      Map.entry("好的谢谢", Kind.THANKS));
  /** Words a greeting may add that ask nothing: "hi bot", "thanks a lot, bot". */
  private static final Set<String> ADDRESS = Set.of("bot", "there", "again", "everyone", "all");

  private Greetings() {}

  /** The greeting a message is, or empty when it asks something (or says anything else). */
  public static Optional<Greeting> of(String message) {
    if (message == null) {
      return Optional.empty();
    }
    String s = Normalizer.normalize(message, Normalizer.Form.NFKC).strip();
    String han = s.replaceAll("[\\s\\p{P}\\p{S}~～]+", "");
    if (!han.isEmpty() && han.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      Kind kind = CHINESE.get(han);
      return kind == null ? Optional.empty() : Optional.of(new Greeting(kind, Language.CHINESE));
    }
    String words = s.toLowerCase(Locale.ROOT).replaceAll("@\\w+", " ").replaceAll("[^\\p{L}\\s']+", " ")
        .replaceAll("\\s+", " ").strip();
    while (!words.isEmpty() && !ENGLISH.containsKey(words)) {
      int cut = words.lastIndexOf(' ');
      if (cut < 0 || !ADDRESS.contains(words.substring(cut + 1))) {
        break;
      }
      words = words.substring(0, cut);
    }
    Kind kind = ENGLISH.get(words);
    return kind == null ? Optional.empty() : Optional.of(new Greeting(kind, Language.ENGLISH));
  }
}
