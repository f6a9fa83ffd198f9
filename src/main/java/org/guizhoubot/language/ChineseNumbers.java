package org.guizhoubot.language;

import java.math.BigDecimal;
import java.util.OptionalLong;

/** Reads numbers written with Chinese numerals (八, 十二, 两千零五, 二〇一八, 3万). */
final class ChineseNumbers {
  private static final String DIGITS = "零〇一二三四五六七八九";
  private static final String ALL = "零〇一二两三四五六七八九十百千万亿";

  private ChineseNumbers() {}

  static boolean isNumeral(int c) {
    return ALL.indexOf(c) >= 0;
  }

  /** True when a numeral run can start with this character (a unit like 万 cannot). */
  static boolean canStart(int c) {
    return digit(c) >= 0 || c == '十';
  }

  static int digit(int c) {
    if (c == '两') {
      return 2;
    }
    int d = DIGITS.indexOf(c);
    return d < 0 ? -1 : Math.max(0, d - 1);
  }

  /** The value of a run of Chinese numerals, or empty when it is not a well-formed number. */
  static OptionalLong value(String run) {
    if (run.isEmpty() || !canStart(run.charAt(0))) {
      return OptionalLong.empty();
    }
    boolean hasUnit = run.chars().anyMatch(c -> "十百千万亿".indexOf(c) >= 0);
    if (!hasUnit) {
      long v = 0;
      for (int i = 0; i < run.length(); i++) {
        int d = digit(run.charAt(i));
        if (d < 0) {
          return OptionalLong.empty();
        }
        v = v * 10 + d;
      }
      return OptionalLong.of(v);
    }
    long yi = 0;
    long wan = 0;
    long section = 0;
    long pending = -1;
    for (int i = 0; i < run.length(); i++) {
      char c = run.charAt(i);
      int d = digit(c);
      if (d >= 0) {
        if (pending > 0 && d != 0) {
          return OptionalLong.empty();
        }
        pending = d;
        continue;
      }
      long small = Math.max(pending, 0);
      switch (c) {
        case '十' -> section += (pending < 0 ? 1 : pending) * 10;
        case '百' -> section += small * 100;
        case '千' -> section += small * 1000;
        case '万' -> {
          wan = (section + small == 0 ? 1 : section + small) * 10_000;
          section = 0;
        }
        case '亿' -> {
          yi = (wan + section + small == 0 ? 1 : wan + section + small) * 100_000_000;
          wan = 0;
          section = 0;
        }
        default -> {
          return OptionalLong.empty();
        }
      }
      pending = -1;
    }
    return OptionalLong.of(yi + wan + section + Math.max(pending, 0));
  }

  /** An Arabic number with an optional Chinese multiplier (3万, 2.5亿) as plain digits. */
  static String scaled(String digits, char multiplier) {
    BigDecimal v = new BigDecimal(digits.replace(",", ""));
    BigDecimal m = switch (multiplier) {
      case '万' -> BigDecimal.valueOf(10_000);
      case '亿' -> BigDecimal.valueOf(100_000_000);
      case '千' -> BigDecimal.valueOf(1000);
      case '百' -> BigDecimal.valueOf(100);
      default -> BigDecimal.ONE;
    };
    return v.multiply(m).stripTrailingZeros().toPlainString();
  }
}
