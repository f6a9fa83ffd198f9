package org.guizhoubot.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's reply against the k passages it was given: drops markers that point to no
 * passage, renumbers the others 1..m by first appearance, one number per article (two passages of
 * one article share its number), and says which passage each new number cites: the article's first
 * cited one. Also tells a refusal from an answer.
 */
final class LlmReply {
  /** A checked reply: its text, and for marker n the 0-based index of the passage it cites at n-1. */
  record Checked(String text, List<Integer> cited) {
    Checked {
      cited = List.copyOf(cited);
    }
  }

  /** [1], [1, 2], [1-3], [1][2], [passage 2], 【1】. */
  private static final Pattern GROUP = Pattern.compile(
      "[ \\t]*[\\[【]\\s*(?:(?:passages?|sources?|refs?)\\s*)?"
          + "(\\d{1,6}(?:\\s*(?:[,;，、]|and|-|–|—|~|to)\\s*\\d{1,6})*)\\s*[\\]】]",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PART = Pattern.compile("(\\d{1,6})(?:\\s*(?:-|–|—|~|to)\\s*(\\d{1,6}))?");
  private static final Pattern SOURCES_TAIL = Pattern.compile(
      "(?ims)^[ \\t]*(?:\\*\\*)?(?:sources|references|citations|来源|参考资料|参考)(?:\\*\\*)?[ \\t]*(?:[:：]|$).*\\z");
  private static final Pattern REFUSAL = Pattern.compile(
      "(?i)(\\b(passages?|sources?|articles?|texts?|context|documents?)\\b[^.]{0,40}?"
          + "\\b(do|does|did)\\s*(n[o']t|not)\\s+(contain|mention|say|state|include|provide|hold|specify|cover|answer)"
          + "|\\b(no|not enough|insufficient)\\s+(relevant\\s+)?(information|details?|mention)\\b"
          + "|\\bnot\\s+(mentioned|stated|specified|covered|found|included|provided)\\s+in\\s+the\\s+"
          + "(given\\s+|provided\\s+)?(passages?|sources?|articles?|texts?|context|documents?)"
          + "|\\b(cannot|can't|can ?not|unable to)\\s+(answer|find|determine|tell)\\b"
          + "|\\bi\\s+(don't|do not)\\s+know\\b"
          + "|无法回答|无法确定|没有提到|未提及|没有提及|未提到|没有相关信息|没有.{0,6}信息|不包含|找不到)");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern RUN = Pattern.compile("(?:\\[\\d+\\]){2,}");
  private static final Pattern FIRST_SENTENCE = Pattern.compile("^.*?(?:[.!?。！？](?=\\s|$)|$)", Pattern.DOTALL);

  private LlmReply() {}

  /** True when the model says the passages do not hold the answer, by the sentinel or in words up front. */
  static boolean isRefusal(String reply) {
    if (reply.toUpperCase(Locale.ROOT).contains(LlmPrompt.NOT_IN_SOURCES)) {
      return true;
    }
    Matcher first = FIRST_SENTENCE.matcher(reply.strip());
    return first.find() && REFUSAL.matcher(first.group()).find();
  }

  /** {@link #check(String, List)} with every passage from an article of its own. */
  static Checked check(String reply, int passages) {
    List<String> own = new ArrayList<>();
    for (int i = 0; i < passages; i++) {
      own.add(String.valueOf(i));
    }
    return check(reply, own);
  }

  /**
   * The reply with only valid markers, renumbered by article ({@code articleOfPassage} holds the
   * article of each passage given); {@code cited} is empty when none is left.
   */
  static Checked check(String reply, List<String> articleOfPassage) {
    int passages = articleOfPassage.size();
    String body = SOURCES_TAIL.matcher(reply.strip()).replaceFirst("").replace("**", "").strip();
    Map<String, Integer> newNumber = new LinkedHashMap<>();
    List<Integer> cited = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    Matcher m = GROUP.matcher(body);
    int last = 0;
    while (m.find()) {
      out.append(body, last, m.start());
      last = m.end();
      List<Integer> numbers = new ArrayList<>();
      for (int n : numbersIn(m.group(1), passages)) {
        Integer renumbered = newNumber.get(articleOfPassage.get(n - 1));
        if (renumbered == null) {
          renumbered = newNumber.size() + 1;
          newNumber.put(articleOfPassage.get(n - 1), renumbered);
          cited.add(n - 1);
        }
        if (!numbers.contains(renumbered)) {
          numbers.add(renumbered);
        }
      }
      if (numbers.isEmpty()) {
        continue;
      }
      out.append(m.group().startsWith(" ") || m.group().startsWith("\t") ? " " : "");
      for (int n : numbers) {
        out.append('[').append(n).append(']');
      }
    }
    out.append(body.substring(last));
    String text = sortRuns(out.toString())
        .replaceAll("[ \\t]+([.,;:!?。，；：！？])", "$1")
        .replaceAll("[ \\t]{2,}", " ")
        .strip();
    return new Checked(text, cited);
  }

  /** Each run of adjacent markers in ascending order without repeats: [2][1][2] becomes [1][2]. */
  private static String sortRuns(String text) {
    return RUN.matcher(text).replaceAll(m -> {
      java.util.TreeSet<Integer> ns = new java.util.TreeSet<>();
      Matcher n = DIGITS.matcher(m.group());
      while (n.find()) {
        ns.add(Integer.parseInt(n.group()));
      }
      StringBuilder s = new StringBuilder();
      ns.forEach(x -> s.append('[').append(x).append(']'));
      return s.toString();
    });
  }

  /** The numbers of one bracket group that name a given passage (1..passages), ranges expanded. */
  private static List<Integer> numbersIn(String group, int passages) {
    List<Integer> out = new ArrayList<>();
    Matcher p = PART.matcher(group);
    while (p.find()) {
      int from = Integer.parseInt(p.group(1));
      int to = p.group(2) == null ? from : Integer.parseInt(p.group(2));
      if (to < from || to - from > passages) {
        to = from;
      }
      for (int n = from; n <= to; n++) {
        if (n >= 1 && n <= passages && !out.contains(n)) {
          out.add(n);
        }
      }
    }
    return out;
  }
}
