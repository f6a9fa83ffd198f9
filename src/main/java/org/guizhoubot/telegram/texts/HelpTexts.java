package org.guizhoubot.telegram.texts;

import java.util.List;
import java.util.Map;
import org.guizhoubot.conversation.Greetings;
import org.guizhoubot.corpus.PublishedDates;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.language.Language;

/** The welcome and the help, in English and Chinese: what the bot covers and how to ask it. */
public final class HelpTexts {
  public static final String TOPIC = "Guizhou's big data sector";

  private HelpTexts() {}

  /** The years the articles were published in: "from 2017 to 2022", "in 2019", or "" when none is dated. */
  static String years(List<ArticleMeta> articles) {
    String range = PublishedDates.yearRange(articles.stream().map(ArticleMeta::published).toList());
    return range.isEmpty() ? "" : range.contains(" to ") ? "from " + range : "in " + range;
  }

  /** The years in Chinese: "2017 至 2022 年", "2019 年", or "". */
  static String yearsChinese(List<ArticleMeta> articles) {
    String range = PublishedDates.yearRange(articles.stream().map(ArticleMeta::published).toList());
    return range.isEmpty() ? "" : range.replace(" to ", " 至 ") + " 年";
  }

  /** An example question, as the help and the welcome give it. */
  static final String EXAMPLE = "Who founded Baishan Cloud?";
  static final String EXAMPLE_ZH = "白山云的联合创始人是谁？";

  /**
   * The one reply to a greeting or a thanks, in its language: what the bot covers (article count,
   * publication years) and an example question.
   */
  public static String welcome(Greetings.Greeting g, List<ArticleMeta> articles) {
    if (g.language() == Language.CHINESE) {
      String years = yearsChinese(articles).isEmpty() ? "" : "（发表于 " + yearsChinese(articles) + "）";
      return (g.kind() == Greetings.Kind.THANKS ? "不客气！" : "你好！") + "我根据 " + articles.size() + " 篇英文新闻文章"
          + years + "回答关于贵州大数据产业的问题。可以这样问：" + EXAMPLE_ZH;
    }
    String years = years(articles).isEmpty() ? "" : " published " + years(articles);
    return (g.kind() == Greetings.Kind.THANKS ? "You're welcome! " : "Hello! ") + "I answer questions about " + TOPIC
        + " from " + articles.size() + " news articles" + years + ". Try asking: " + EXAMPLE;
  }

  /** HTML: what the bot knows (topic, article count, publication years) and how to ask it. */
  public static String help(List<ArticleMeta> articles, String botUsername) {
    return help(articles, botUsername, Map.of());
  }

  /** HTML: the help, and then, for an admin, the admin commands with what each is for. */
  public static String help(List<ArticleMeta> articles, String botUsername, Map<String, Menu> adminCommands) {
    String range = years(articles).isEmpty() ? "" : ", published " + years(articles);
    return "I answer questions about " + TelegramHtml.escape(TOPIC) + " from " + articles.size()
        + " news articles" + TelegramHtml.escape(range) + ", and I cite the articles I answer from."
        + "\n\nIn a private chat, just send me your question."
        + "\nIn a group, write <code>/ask your question</code>, mention @" + TelegramHtml.escape(botUsername)
        + ", or reply to one of my messages."
        + "\n\nFollow-up questions work: after \"Who founded Baishan Cloud?\" you can ask \"When was it set up?\"."
        + " In a group each person has their own thread, and replying to one of my answers continues it."
        + " /new starts afresh (I also forget after a while)."
        + "\n\nYou may ask in Chinese too (/help zh): I answer with sentences quoted from the English articles."
        + "\n\n/sources lists the articles, newest first. Rate my answers with 👍 or 👎."
        + adminHelp("Admin commands (you are an admin):", adminCommands, false);
  }

  /** HTML: the admin commands, one a line with its arguments and use; empty for none. */
  private static String adminHelp(String heading, Map<String, Menu> adminCommands, boolean chinese) {
    if (adminCommands.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("\n\n<b>").append(TelegramHtml.escape(heading)).append("</b>");
    for (Map.Entry<String, Menu> c : adminCommands.entrySet()) {
      s.append("\n/").append(c.getKey()).append(c.getValue().args().isEmpty() ? "" : " " + c.getValue().args())
          .append(" – ").append(TelegramHtml.escape(chinese ? c.getValue().chinese() : c.getValue().english()));
    }
    return s.toString();
  }

  /** HTML: the help in Chinese (the articles, and so the quoted answers, are in English). */
  public static String helpChinese(List<ArticleMeta> articles, String botUsername) {
    return helpChinese(articles, botUsername, Map.of());
  }

  /** HTML: the Chinese help, and then, for an admin, the admin commands. */
  public static String helpChinese(List<ArticleMeta> articles, String botUsername, Map<String, Menu> adminCommands) {
    String years = yearsChinese(articles).isEmpty() ? "" : "（发表于 " + yearsChinese(articles) + "）";
    return "我根据 " + articles.size() + " 篇英文新闻文章" + years + "回答关于贵州大数据产业的问题，并注明答案出自哪篇文章。"
        + "可以用中文提问：我会把问题转成英文检索，回答引用英文文章的原句。"
        + "\n\n私聊时直接发送问题即可。在群组中请用 <code>/ask 你的问题</code>、提到 @" + TelegramHtml.escape(botUsername)
        + "，或回复我的消息。"
        + "\n\n可以追问：问完“白山云的联合创始人是谁？”后，可以接着问“它是哪一年成立的？”。"
        + "在群组中每个人有自己的对话，回复我的回答即可接着那个对话。/new 重新开始（一段时间后我也会忘记之前的问题）。"
        + "\n\n/sources 列出全部文章。可以用 👍 或 👎 评价我的回答。"
        + adminHelp("管理员命令（你是管理员）：", adminCommands, true);
  }
}
