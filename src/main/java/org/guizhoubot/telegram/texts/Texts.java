package org.guizhoubot.telegram.texts;

/** What the bot says in chat: the fixed replies to questions, votes and commands (plain text). */
public final class Texts {
  public static final String ASK_HOW = "Ask like this: /ask Who founded Baishan Cloud?";
  public static final String ADMINS_ONLY = "Sorry, that command is for the bot's admins only.";
  public static final String TOO_FAST = "You are asking faster than I can keep up with. Please wait a little, then ask again.";
  /** Above an offline answer that replaced one the language model was writing. */
  public static final String LLM_UNAVAILABLE = "The language model was unavailable, so this is the offline answer.";
  public static final String LLM_UNAVAILABLE_ZH = "语言模型暂时不可用，以下是离线答案。";
  public static final String ANSWER_FAILED = "Sorry, something went wrong while answering. Please try again later.";
  public static final String VOTE_THANKS = "Thanks for the feedback!";
  public static final String VOTE_TOO_OLD = "That answer is too old to rate.";
  public static final String VOTE_FAILED = "Sorry, I could not record that.";
  public static final String MISSED_WHILE_RESTARTING =
      "Sorry, I was restarting when you asked this and it is too long ago now to answer. Please ask again.";
  public static final String NEW_CONVERSATION = "Starting afresh: your next question stands on its own.";
  public static final String NEW_CONVERSATION_ZH = "好的，重新开始：下一个问题将单独理解。";

  private Texts() {}

  public static String unknownCommand(String name) {
    return "I don't know /" + name + ". See /help.";
  }
}
