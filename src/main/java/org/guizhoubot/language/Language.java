package org.guizhoubot.language;

/** The language a question is asked in, as far as the bot tells them apart. */
public enum Language {
  ENGLISH, CHINESE;

  /**
   * CHINESE when the text holds at least two Han characters, no Japanese kana, and Han characters
   * make up at least a third of its letters (simplified and traditional alike); ENGLISH otherwise.
   */
  public static Language of(String text) {
    if (text == null) {
      return ENGLISH;
    }
    int han = 0;
    int letters = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA) {
        return ENGLISH;
      }
      letters++;
      if (s == Character.UnicodeScript.HAN) {
        han++;
      }
    }
    return han >= 2 && han * 3 >= letters ? CHINESE : ENGLISH;
  }
}
