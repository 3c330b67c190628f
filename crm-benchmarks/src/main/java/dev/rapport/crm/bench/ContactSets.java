package dev.rapport.crm.bench;

import dev.rapport.crm.dedupe.MatchProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated contact sets with known duplicates and the traps of a real customer base, for the
 * duplicate-detection quality figures. Each record carries the id of the person it describes.
 *
 * <p>Two generators, written before the matcher's figures were looked at and not tuned on:
 * <ul>
 *   <li>{@link #business}: people at companies. Colleagues share the company, its mail domain
 *       and often the office number; some colleagues share a family name (relatives, common
 *       names); the same common full name occurs at different companies. A duplicate is the same
 *       person written again: a nickname, a typo, accents dropped or transliterated, given and
 *       family name swapped, an initial, a private address instead of the work one, the mobile
 *       instead of the office number, the company spelled differently, fields left out.
 *   <li>{@link #consumers}: private customers at free-mail providers. Households share a family
 *       name, a home number and sometimes one address; duplicates as above, plus Gmail's dots and
 *       {@code +tags}.
 * </ul>
 * Deterministic for a seed.
 */
final class ContactSets {
  /** A record of a set: the profile and the person it describes. */
  record Labelled(MatchProfile profile, int person) {}

  static final String[] GIVEN = {"Robert", "William", "Richard", "James", "John", "Michael",
      "Thomas", "Christopher", "Daniel", "David", "Joseph", "Charles", "Edward", "Anthony",
      "Andrew", "Steven", "Matthew", "Nicholas", "Alexander", "Benjamin", "Samuel", "Patrick",
      "Peter", "Elizabeth", "Margaret", "Katherine", "Jennifer", "Jessica", "Rebecca", "Susan",
      "Deborah", "Patricia", "Victoria", "Maria", "Anna", "Sophie", "Laura", "Julia", "Clara",
      "José", "François", "Zoë", "Søren", "Jürgen", "Łukasz", "Agnès", "Renée", "Björn", "Noémie",
      "Olga", "Dmitri", "Sergei", "Natalia", "Irina", "Aisha", "Omar", "Priya", "Raj", "Wei",
      "Mei", "Kenji", "Yuki", "Hannah", "Lukas", "Emma", "Noah", "Mia", "Leon", "Lea", "Felix"};
  static final String[] FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller",
      "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson",
      "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
      "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
      "Hoffmann", "Schäfer", "Koch", "Richter", "García", "Fernández", "López", "Martínez",
      "Sánchez", "Pérez", "González", "Rodríguez", "Dubois", "Lefèvre", "Moreau", "Laurent",
      "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Nowak", "Kowalski", "Wiśniewski",
      "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Petrov", "Novak", "Horváth", "Nagy", "Jensen",
      "Nielsen", "Hansen", "Andersson", "Johansson", "Karlsson", "O'Brien", "O'Connor",
      "Murphy", "Kelly", "Patel", "Shah", "Khan", "Ali", "Chen", "Wang", "Li", "Zhang", "Liu",
      "Tanaka", "Suzuki", "Sato", "Kim", "Park", "Lee", "Nguyen", "Tran", "Silva", "Santos",
      "Oliveira", "Pereira", "Costa", "Van der Berg", "De Vries", "Bakker", "Janssen"};
  /** Names in another script, written the way a Russian customer would write them. */
  static final String[][] CYRILLIC = {{"Ivanov", "Иванов"}, {"Smirnov", "Смирнов"},
      {"Kuznetsov", "Кузнецов"}, {"Popov", "Попов"}, {"Petrov", "Петров"}, {"Olga", "Ольга"},
      {"Dmitri", "Дмитри"}, {"Sergei", "Сергей"}, {"Natalia", "Наталия"}, {"Irina", "Ирина"}};
  static final String[][] NICK = {{"Robert", "Bob"}, {"William", "Bill"}, {"Richard", "Rick"},
      {"James", "Jim"}, {"Michael", "Mike"}, {"Thomas", "Tom"}, {"Christopher", "Chris"},
      {"Daniel", "Dan"}, {"David", "Dave"}, {"Joseph", "Joe"}, {"Charles", "Charlie"},
      {"Edward", "Ed"}, {"Anthony", "Tony"}, {"Andrew", "Andy"}, {"Steven", "Steve"},
      {"Matthew", "Matt"}, {"Nicholas", "Nick"}, {"Alexander", "Alex"}, {"Benjamin", "Ben"},
      {"Samuel", "Sam"}, {"Patrick", "Pat"}, {"Peter", "Pete"}, {"Elizabeth", "Liz"},
      {"Margaret", "Maggie"}, {"Katherine", "Kate"}, {"Jennifer", "Jen"}, {"Jessica", "Jess"},
      {"Rebecca", "Becky"}, {"Susan", "Sue"}, {"Deborah", "Debbie"}, {"Patricia", "Trish"},
      {"Victoria", "Vicky"}};
  static final String[] COMPANY_WORDS = {"Acme", "Globex", "Initech", "Umbrella", "Stark",
      "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell", "Cyberdyne", "Wonka", "Gringotts",
      "Oscorp", "Massive", "Aperture", "Black Mesa", "Monarch", "Nakatomi", "Pied Piper",
      "Dunder", "Prestige", "Sterling", "Bluth", "Gekko", "Krusty", "Duff", "Ollivander"};
  static final String[] COMPANY_KINDS = {"Logistics", "Systems", "Foods", "Consulting",
      "Trading", "Media", "Labs", "Energy", "Holdings", "Partners", "Bau", "Software"};
  static final String[] LEGAL = {" Inc", " Ltd", " GmbH", " SA", " AG", " LLC", " BV", ""};
  static final String[] FREE = {"gmail.com", "yahoo.com", "outlook.com", "gmx.de", "web.de",
      "icloud.com", "hotmail.com"};

  private final Random rnd;
  private final List<Labelled> out = new ArrayList<>();
  private int person;

  private ContactSets(long seed) {
    this.rnd = new Random(seed);
  }

  /** About {@code people} people at companies of 1 to 40, a third of them written 2 to 3 times. */
  static List<Labelled> business(int people, long seed) {
    ContactSets g = new ContactSets(seed);
    int companies = Math.max(1, people / 8);
    List<String[]> firms = new ArrayList<>();
    for (int c = 0; c < companies; c++) {
      String base = COMPANY_WORDS[g.rnd.nextInt(COMPANY_WORDS.length)] + " "
          + COMPANY_KINDS[g.rnd.nextInt(COMPANY_KINDS.length)];
      String domain = base.toLowerCase(Locale.ROOT).replace(" ", "") + c + ".example";
      String office = "+4930" + (1_000_000 + g.rnd.nextInt(8_000_000));
      firms.add(new String[] {base, domain, office});
    }
    while (g.person < people) {
      String[] firm = firms.get(g.rnd.nextInt(firms.size()));
      String given = g.pick(GIVEN);
      String family = g.pick(FAMILY);
      if (g.rnd.nextDouble() < 0.08 && !g.out.isEmpty()) {
        // a relative or a namesake at the same company: same family name, another given name
        family = g.out.get(g.out.size() - 1).profile().familyName().orElse(family);
      }
      String mobile = "+49151" + (1_000_000 + g.rnd.nextInt(8_000_000));
      boolean usesOffice = g.rnd.nextDouble() < 0.6;
      String phone = usesOffice ? firm[2] : mobile;
      String work = g.address(given, family, firm[1]);
      String company = firm[0] + LEGAL[g.rnd.nextInt(LEGAL.length)];
      g.emit(given, family, work, phone, company);
      int copies = g.rnd.nextDouble() < 0.33 ? 1 + g.rnd.nextInt(2) : 0;
      for (int k = 0; k < copies; k++) {
        String e = g.rnd.nextDouble() < 0.25
            ? g.address(given, family, FREE[g.rnd.nextInt(FREE.length)]) : work;
        String p = g.rnd.nextDouble() < 0.3 ? (usesOffice ? mobile : firm[2]) : phone;
        String co = g.rnd.nextDouble() < 0.3 ? firm[0].toUpperCase(Locale.ROOT) : company;
        g.variant(given, family, e, p, co);
      }
      g.person++;
    }
    return g.out;
  }

  /** About {@code people} private customers in households of 1 to 4, a third written 2 to 3 times. */
  static List<Labelled> consumers(int people, long seed) {
    ContactSets g = new ContactSets(seed);
    while (g.person < people) {
      String family = g.pick(FAMILY);
      String home = "+3312" + (1_000_000 + g.rnd.nextInt(8_000_000));
      String shared = g.rnd.nextDouble() < 0.2
          ? g.address("", family + g.rnd.nextInt(100), FREE[g.rnd.nextInt(FREE.length)]) : null;
      int household = 1 + g.rnd.nextInt(4);
      for (int h = 0; h < household && g.person < people; h++) {
        String given = g.pick(GIVEN);
        String own = shared != null && g.rnd.nextDouble() < 0.5 ? shared
            : g.address(given, family + (g.rnd.nextInt(90) + 10), FREE[g.rnd.nextInt(FREE.length)]);
        String phone = g.rnd.nextDouble() < 0.5 ? home : "+336" + (10_000_000 + g.rnd.nextInt(80_000_000));
        g.emit(given, family, own, phone, null);
        int copies = g.rnd.nextDouble() < 0.33 ? 1 + g.rnd.nextInt(2) : 0;
        for (int k = 0; k < copies; k++) {
          String e = own;
          if (own.endsWith("@gmail.com") && g.rnd.nextDouble() < 0.5) {
            String local = own.substring(0, own.indexOf('@'));
            e = (g.rnd.nextBoolean() ? local.replace(".", "") : local + "+shop") + "@gmail.com";
          } else if (g.rnd.nextDouble() < 0.25) {
            e = g.address(given, family, FREE[g.rnd.nextInt(FREE.length)]);
          }
          g.variant(given, family, e, g.rnd.nextDouble() < 0.3 ? null : phone, null);
        }
        g.person++;
      }
    }
    return g.out;
  }

  private String pick(String[] from) {
    return from[rnd.nextInt(from.length)];
  }

  /** A new address: no two people get the same one (a mail server hands out each once). */
  private String address(String given, String family, String domain) {
    String g = ascii(given);
    String f = ascii(family).replace(" ", "").replace("'", "");
    String local = switch (rnd.nextInt(3)) {
      case 0 -> (g.isEmpty() ? "" : g + ".") + f;
      case 1 -> (g.isEmpty() ? "" : g.substring(0, 1)) + f;
      default -> f + (g.isEmpty() ? "" : "." + g);
    };
    String a = local + "@" + domain;
    for (int n = 2; !taken.add(a); n++) {
      a = local + n + "@" + domain;
    }
    return a;
  }

  private final java.util.Set<String> taken = new java.util.HashSet<>();

  private void emit(String given, String family, String email, String phone, String company) {
    MatchProfile p = MatchProfile.person(given, family);
    if (email != null) {
      p = p.withEmail(email);
    }
    if (phone != null) {
      p = p.withPhone(phone);
    }
    if (company != null) {
      p = p.withCompany(company);
    }
    out.add(new Labelled(p, person));
  }

  /** The same person written again, with one or two of the usual changes. */
  private void variant(String given, String family, String email, String phone, String company) {
    String g = given;
    String f = family;
    int changes = 1 + rnd.nextInt(2);
    for (int c = 0; c < changes; c++) {
      switch (rnd.nextInt(8)) {
        case 0 -> g = nickname(g);
        case 1 -> f = typo(f);
        case 2 -> g = typo(g);
        case 3 -> {
          g = ascii(g);
          f = ascii(f);
        }
        case 4 -> {
          String[] swapped = {f, g};
          g = swapped[0];
          f = swapped[1];
        }
        case 5 -> g = g.isEmpty() ? g : g.substring(0, 1) + ".";
        case 6 -> {
          g = cyrillic(g);
          f = cyrillic(f);
        }
        default -> {
          if (rnd.nextBoolean()) {
            email = null;
          } else {
            phone = null;
          }
        }
      }
    }
    emit(g, f, email, phone, company);
  }

  private static String nickname(String given) {
    for (String[] n : NICK) {
      if (n[0].equals(given)) {
        return n[1];
      }
    }
    return given;
  }

  private static String cyrillic(String name) {
    for (String[] n : CYRILLIC) {
      if (n[0].equals(name)) {
        return n[1];
      }
    }
    return name;
  }

  private String typo(String s) {
    if (s.length() < 4) {
      return s;
    }
    int i = 1 + rnd.nextInt(s.length() - 2);
    char[] cs = s.toCharArray();
    switch (rnd.nextInt(3)) {
      case 0 -> { // transposition
        char t = cs[i];
        cs[i] = cs[i + 1];
        cs[i + 1] = t;
        return new String(cs);
      }
      case 1 -> { // deletion
        return s.substring(0, i) + s.substring(i + 1);
      }
      default -> { // substitution
        cs[i] = (char) ('a' + rnd.nextInt(26));
        return new String(cs);
      }
    }
  }

  static String ascii(String s) {
    return java.text.Normalizer.normalize(s.replace("ø", "o").replace("Ø", "O").replace("ł", "l")
        .replace("Ł", "L"), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }
}
