package org.guizhoubot.language;

import java.util.Map;
import java.util.Set;

/** The Chinese words a question is read around: grammatical words to leave out, and question words with their English. */
final class QuestionWords {
  /** Grammatical words that carry nothing to search for. */
  static final Set<String> FUNCTION_WORDS = Set.of(
      "的", "地", "得", "了", "着", "过", "是", "在", "有", "与", "和", "及", "以及", "或", "或者", "由",
      "将", "被", "把", "对", "为", "于", "从", "向", "跟", "同", "等", "也", "都", "就", "还", "又", "吗",
      "呢", "吧", "啊", "呀", "之", "其", "该", "这", "那", "这个", "那个", "这些", "那些", "请", "请问",
      "一下", "所", "已经", "已", "曾", "曾经", "正在", "到", "给", "能", "会", "可以", "要", "想", "让",
      "並", "與", "為", "於", "從", "對", "這", "這個", "這些", "那個", "請", "請問", "已經", "會", "讓",
      "及其", "而", "则", "則", "即", "并", "个", "個",
      // after a person or group, 那里 marks where something comes from (从投资者那里: from investors)
      "那里", "那裡", "那裏", "那儿", "那兒");

  /**
   * Chinese question words and their English, longest first where one contains another (numerals
   * are matched as the segmenter writes them: 哪一年 comes as 哪, 1, 年).
   */
  static final Map<String, String> QUESTION_WORDS = Map.ofEntries(
      Map.entry("多少钱", "how much"), Map.entry("多少錢", "how much"), Map.entry("多少年", "how many years"),
      Map.entry("几年", "how many years"), Map.entry("幾年", "how many years"), Map.entry("多少", "how many"),
      Map.entry("几", "how many"), Map.entry("幾", "how many"), Map.entry("谁", "who"), Map.entry("誰", "who"),
      Map.entry("什么时候", "when"), Map.entry("什麼時候", "when"), Map.entry("何时", "when"),
      Map.entry("何時", "when"), Map.entry("哪一年", "which year"), Map.entry("哪1年", "which year"), Map.entry("哪年", "which year"),
      Map.entry("哪里", "where"), Map.entry("哪裡", "where"), Map.entry("哪裏", "where"),
      Map.entry("哪儿", "where"), Map.entry("哪兒", "where"), Map.entry("为什么", "why"),
      Map.entry("為什麼", "why"), Map.entry("什么", "what"), Map.entry("什麼", "what"),
      Map.entry("哪个", "which"), Map.entry("哪個", "which"), Map.entry("哪些", "which"), Map.entry("哪", "which"),
      Map.entry("如何", "how"), Map.entry("怎么", "how"), Map.entry("怎麼", "how"), Map.entry("怎样", "how"),
      Map.entry("怎樣", "how"), Map.entry("多大", "how large"), Map.entry("多久", "how long"),
      Map.entry("多长", "how long"), Map.entry("多長", "how long"), Map.entry("多远", "how far"),
      Map.entry("多遠", "how far"), Map.entry("多高", "how high"), Map.entry("何", "what"));

  private QuestionWords() {}
}
