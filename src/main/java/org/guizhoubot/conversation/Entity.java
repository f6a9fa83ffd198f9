package org.guizhoubot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name in a text and what it names, as far as the words around it tell: a company ("... Co",
 * "Baishan Cloud, a start-up", "co-founder of Baishan Cloud"), a person ("said Wang Wei",
 * "Li Sheng, chairman of"), a place ("in Guiyang", "Guian New Area"), or something else.
 */
public record Entity(String name, Kind kind) {
  /** What a name names. */
  public enum Kind { COMPANY, PERSON, PLACE, OTHER }

  public Entity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  private static final Set<String> COMPANY_ENDINGS = Set.of("co", "company", "corp", "corporation", "inc", "ltd",
      "limited", "group", "holdings", "plc", "llc");
  private static final Set<String> PLACE_ENDINGS = Set.of("area", "province", "city", "town", "district", "county",
      "zone", "region", "village", "valley", "park", "prefecture");
  private static final String ORG_NOUNS = "start-up|startup|company|firm|business|enterprise|corporation|group|maker"
      + "|operator|provider|developer";
  private static final String ROLES = "chairman|chairwoman|co-founder|founder|president|ceo|chief executive|director"
      + "|manager|governor|vice-governor|secretary|head|mayor|minister|premier|vice premier|spokesman|spokeswoman"
      + "|professor|engineer|chief";
  private static final Pattern PERSON_TITLE = Pattern.compile(
      "(?i)(?:said|says|according to|told|by|mr\\.?|ms\\.?|mrs\\.?|dr\\.?|president|premier|chairman|secretary|"
          + "governor|chief|minister|mayor)\\s+$");

  /** The names of a text in order of first appearance, each with its kind. */
  public static List<Entity> in(String text) {
    List<Entity> out = new ArrayList<>();
    for (String name : FollowUps.names(text)) {
      if (out.stream().noneMatch(e -> e.name().equals(name))) {
        out.add(new Entity(name, kindOf(name, text)));
      }
    }
    return out;
  }

  /** The kind the words around {@code name}'s appearances in {@code text} give it. */
  static Kind kindOf(String name, String text) {
    String[] words = name.toLowerCase(Locale.ROOT).split("\\s+");
    String last = words[words.length - 1].replaceAll("[.,]$", "");
    if (COMPANY_ENDINGS.contains(last)) {
      return Kind.COMPANY;
    }
    if (PLACE_ENDINGS.contains(last)) {
      return Kind.PLACE;
    }
    String n = Pattern.quote(name);
    if (find(text, n + "(?:,\\s*|\\s+)(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:" + ORG_NOUNS + ")\\b")
        || find(text, "\\b(?:" + ORG_NOUNS + "|co-founder of|founder of|chairman of|ceo of|founded|co-founded|"
            + "employees of|customers of)\\s+(?:the\\s+)?" + n)) {
      return Kind.COMPANY;
    }
    if (find(text, n + ",\\s+(?:the\\s+|a\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:" + ROLES + ")\\b")
        || find(text, n + "\\s+(?:said|says|added|noted|told)\\b")) {
      return Kind.PERSON;
    }
    Matcher m = Pattern.compile(n).matcher(text);
    while (m.find()) {
      String before = text.substring(Math.max(0, m.start() - 30), m.start());
      if (PERSON_TITLE.matcher(before).find()) {
        return Kind.PERSON;
      }
    }
    if (find(text, "\\b(?:in|at|to|from|near|across|around)\\s+(?:the\\s+)?" + n + "(?![\\p{L}-])")) {
      return Kind.PLACE;
    }
    return Kind.OTHER;
  }

  private static boolean find(String text, String regex) {
    return Pattern.compile("(?i)" + regex).matcher(text).find();
  }
}
