package dev.rapport.crm.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The forms in which duplicate detection compares names and addresses: accents and case folded,
 * Cyrillic and Greek transliterated, nicknames mapped to the name they shorten, e-mail addresses
 * without the parts their provider ignores. Internal: may change without notice (a change of a
 * key's form needs the stored keys rebuilt).
 */
public final class Fold {
  /** Providers that deliver {@code a.b+x@} to {@code ab@}: dots and plus-tags are ignored. */
  private static final Map<String, String> DOTLESS = Map.of("gmail.com", "gmail.com",
      "googlemail.com", "gmail.com");
  private static final Map<Character, String> LATIN = latin();
  private static final Map<String, String> NICKNAMES = nicknames();
  /** Shared: thread-safe as long as its maximum code length is never set (Commons Codec's note). */
  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

  private Fold() {}

  /**
   * A name in lower-case letters and digits, words separated by one space: accents dropped
   * ({@code José} is {@code jose}), {@code ß} as {@code ss}, Cyrillic and Greek transliterated,
   * hyphens and apostrophes as word breaks or dropped; letters of other scripts (Chinese, Arabic,
   * Hebrew, ...) kept as they are. Empty if nothing is left.
   */
  public static String name(String raw) {
    if (raw == null) {
      return "";
    }
    // ASCII text (most names, every address) has nothing to transliterate or decompose
    String decomposed = isAscii(raw) ? raw : decomposed(raw);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean space = true;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = Character.toLowerCase(decomposed.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
        space = false;
      } else if (c > 127 && (Character.isLetterOrDigit(c) || Character.isSurrogate(c))
          && Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c); // another script: kept, compared as written
        space = false;
      } else if (c == '\'' || c == '\u2019' || c == '.'
          || Character.getType(c) == Character.NON_SPACING_MARK) {
        // O'Brien is obrien; J. is j
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int n = out.length();
    return n > 0 && out.charAt(n - 1) == ' ' ? out.substring(0, n - 1) : out.toString();
  }

  private static String decomposed(String raw) {
    StringBuilder pre = new StringBuilder(raw.length() + 4);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      String t = LATIN.get(Character.toLowerCase(c));
      if (t != null) {
        pre.append(t);
      } else {
        pre.append(c);
      }
    }
    return Normalizer.normalize(pre, Normalizer.Form.NFKD);
  }

  /**
   * A company's name as {@link #name} folds it, without its legal form at the end ({@code ACME
   * Inc.} and {@code Acme} are {@code acme}; {@code Müller GmbH & Co. KG} is {@code muller}).
   */
  public static String company(String raw) {
    String f = name(raw);
    while (true) {
      int sp = f.lastIndexOf(' ');
      if (sp < 0 || !LEGAL_FORMS.contains(f.substring(sp + 1))) {
        return f;
      }
      f = f.substring(0, sp);
    }
  }

  private static final java.util.Set<String> LEGAL_FORMS = java.util.Set.of("inc", "incorporated",
      "ltd", "limited", "llc", "llp", "lp", "plc", "corp", "corporation", "co", "company", "gmbh",
      "mbh", "ag", "kg", "ohg", "ug", "ev", "eg", "se", "sa", "sas", "sarl", "srl", "spa",
      "sl", "bv", "nv", "vof", "oy", "oyj", "ab", "as", "asa", "aps", "kk", "pty", "pvt", "and",
      "cie", "group", "holding");

  /**
   * A given name as {@link #name} folds it, its first word mapped to the name it is a nickname of
   * ({@code bob}, {@code rob}, {@code bobby} are {@code robert}).
   */
  public static String givenName(String raw) {
    String f = name(raw);
    int sp = f.indexOf(' ');
    String first = sp < 0 ? f : f.substring(0, sp);
    String full = NICKNAMES.get(first);
    return full == null ? f : sp < 0 ? full : full + f.substring(sp);
  }

  /**
   * An e-mail address as its provider delivers it: in lower case, without a {@code +tag} in the
   * local part, and for Gmail without dots ({@code J.Doe+news@GoogleMail.com} is
   * {@code jdoe@gmail.com}).
   */
  public static String email(String address) {
    String a = address.toLowerCase(Locale.ROOT).trim();
    int at = a.lastIndexOf('@');
    if (at <= 0) {
      return a;
    }
    String local = a.substring(0, at);
    String domain = a.substring(at + 1);
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    String dotless = DOTLESS.get(domain);
    if (dotless != null) {
      local = local.replace(".", "");
      domain = dotless;
    }
    return local + "@" + domain;
  }

  /**
   * The sound of a folded name (Double Metaphone's primary code of its longest word), or the
   * folded name itself when it has no letters to sound; empty for an empty name.
   */
  public static String sound(String folded) {
    if (folded.isEmpty()) {
      return "";
    }
    String word = longestWord(folded);
    if (!isAscii(word)) {
      return word; // Double Metaphone sounds Latin letters only
    }
    String code = METAPHONE.doubleMetaphone(word);
    return code == null || code.isEmpty() ? word : code;
  }

  /**
   * The text in ASCII: each character above 127 as {@code ~} and its four hex digits (a key column
   * holds ASCII only).
   */
  public static String ascii(String s) {
    if (isAscii(s)) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() * 5);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        b.append(c);
      } else {
        b.append('~').append(String.format(Locale.ROOT, "%04x", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  /** The first letter of a folded name, or empty. */
  public static Optional<Character> initial(String folded) {
    return folded.isEmpty() ? Optional.empty() : Optional.of(folded.charAt(0));
  }

  private static String longestWord(String folded) {
    String best = "";
    for (String w : folded.split(" ")) {
      if (w.length() > best.length()) {
        best = w;
      }
    }
    return best;
  }

  private static Map<Character, String> latin() {
    Map<Character, String> m = new HashMap<>();
    String[][] pairs = {
        {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"ø", "o"}, {"ł", "l"}, {"đ", "d"}, {"ð", "d"},
        {"þ", "th"}, {"ı", "i"},
        // Cyrillic (a simple scientific transliteration; Ivanov and Иванов are one name)
        {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"},
        {"ж", "zh"}, {"з", "z"}, {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"},
        {"н", "n"}, {"о", "o"}, {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"},
        {"ф", "f"}, {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", ""},
        {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"}, {"я", "ya"}, {"і", "i"}, {"ї", "yi"},
        {"є", "ye"}, {"ґ", "g"},
        // Greek
        {"α", "a"}, {"β", "v"}, {"γ", "g"}, {"δ", "d"}, {"ε", "e"}, {"ζ", "z"}, {"η", "i"},
        {"θ", "th"}, {"ι", "i"}, {"κ", "k"}, {"λ", "l"}, {"μ", "m"}, {"ν", "n"}, {"ξ", "x"},
        {"ο", "o"}, {"π", "p"}, {"ρ", "r"}, {"σ", "s"}, {"ς", "s"}, {"τ", "t"}, {"υ", "y"},
        {"φ", "f"}, {"χ", "ch"}, {"ψ", "ps"}, {"ω", "o"},
        {"ά", "a"}, {"έ", "e"}, {"ή", "i"}, {"ί", "i"}, {"ό", "o"}, {"ύ", "y"}, {"ώ", "o"}};
    for (String[] p : pairs) {
      m.put(p[0].charAt(0), p[1]);
    }
    return Map.copyOf(m);
  }

  /** Common English, German, French, Spanish and Italian short forms and the names they shorten. */
  private static Map<String, String> nicknames() {
    String[] lines = {
        "robert: bob bobby rob robbie bert",
        "william: bill billy will willy liam",
        "richard: rick ricky dick rich richie",
        "james: jim jimmy jamie",
        "john: jack johnny jon",
        "jonathan: jonny",
        "michael: mike mikey mick mickey",
        "thomas: tom tommy",
        "christopher: chris kit",
        "christine: chris chrissy tina",
        "daniel: dan danny",
        "david: dave davy",
        "joseph: joe joey",
        "charles: charlie chuck",
        "edward: ed eddie ted ned",
        "anthony: tony",
        "andrew: andy drew",
        "steven: steve stevie",
        "stephen: steve",
        "matthew: matt",
        "nicholas: nick nicky",
        "alexander: alex sasha sandy",
        "alexandra: alex sasha sandra",
        "benjamin: ben benny",
        "samuel: sam sammy",
        "patrick: pat paddy",
        "peter: pete",
        "timothy: tim timmy",
        "kenneth: ken kenny",
        "ronald: ron ronnie",
        "donald: don donnie",
        "gregory: greg",
        "lawrence: larry",
        "raymond: ray",
        "frederick: fred freddie",
        "henry: harry hank",
        "gerald: gerry jerry",
        "douglas: doug",
        "jeffrey: jeff",
        "leonard: leo len lenny",
        "nathaniel: nate nat",
        "zachary: zach zack",
        "elizabeth: liz lizzie beth betty eliza lisa libby",
        "margaret: maggie meg peggy marge",
        "katherine: kate katie kathy kat",
        "catherine: cathy cat",
        "jennifer: jen jenny",
        "jessica: jess jessie",
        "rebecca: becky becca",
        "susan: sue susie",
        "deborah: debbie deb",
        "patricia: patty trish tricia",
        "barbara: barb babs",
        "victoria: vicky tori",
        "abigail: abby",
        "samantha: sammie",
        "dorothy: dot dottie",
        "judith: judy",
        "kimberly: kim",
        "pamela: pam",
        "theresa: tess terry",
        "valerie: val",
        "amanda: mandy",
        "cynthia: cindy",
        "josephine: jo josie",
        "johannes: hans",
        "wolfgang: wolf",
        "friedrich: fritz",
        "giuseppe: beppe peppe",
        "francesco: franco cesco",
        "francisco: paco pancho",
        "jose: pepe",
        "guillermo: memo",
        "alejandro: alex",
        "ignacio: nacho",
        "dolores: lola",
        "mercedes: merche"};
    Map<String, String> m = new HashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      String full = line.substring(0, colon);
      for (String nick : line.substring(colon + 1).trim().split(" ")) {
        m.putIfAbsent(nick, full); // the first full name listed wins (chris: christopher)
      }
    }
    return Map.copyOf(m);
  }
}
