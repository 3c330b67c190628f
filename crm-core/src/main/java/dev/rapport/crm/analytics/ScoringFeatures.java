package dev.rapport.crm.analytics;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.rapport.crm.internal.Domains;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What predictive lead scoring sees of a lead, as of an instant: a list of categorical values,
 * each in a group (a field, or a cross of two fields) with a description a salesperson reads. The
 * model turns each value it has seen often enough into one binary feature (see {@link
 * ScoringModel}). The lead's industry is one of them (a lead of no known industry has the value
 * of none); activities count through the signals they record (an inbound call, an e-mail reply, a meeting held), outbound activities not at all.
 * Signals count per kind (1, 2-3, 4-7, 8 or more), and the last buying signal's age apart from the
 * last signal's; besides the three crosses of temperature and e-mail, the source and the owner are
 * crossed with whether the lead showed buying intent, and the source with the kind of e-mail.
 */
final class ScoringFeatures {
  /** What "recent" means for signals. */
  static final Duration RECENT = Duration.ofDays(14);

  static final String SOURCE = "source";
  static final String CAMPAIGN = "campaign";
  static final String TEMPERATURE = "temperature";
  static final String EMAIL = "e-mail";
  static final String PHONE = "phone";
  static final String OWNER = "owner";
  static final String COMPANY = "company";
  static final String INDUSTRY = "industry";
  static final String SIGNALS = "signals";
  static final String RECENT_SIGNALS = "recent signals";
  static final String LAST_SIGNAL = "last signal";
  static final String AGE = "age";
  static final String KIND = "signal: ";
  /** The group of a custom lead field the tenant marks predictive: {@code "field: seats"}. */
  static final String FIELD = "field: ";
  static final String SOURCE_X_TEMPERATURE = "source × temperature";
  static final String TEMPERATURE_X_RECENT = "temperature × recent signals";
  static final String EMAIL_X_BUYING = "e-mail × buying signal";
  static final String LAST_BUYING = "last buying signal";
  static final String SOURCE_X_EMAIL = "source × e-mail";
  static final String SOURCE_X_BUYING = "source × buying signal";
  static final String OWNER_X_BUYING = "owner × buying signal";

  /**
   * One value of a lead; {@link #describe} puts it in words. Made of the strings the lead already
   * holds, without joining them: the model looks a value up by the record's own hash and equality,
   * which cost no new string per lead (joining them, as {@link #groupName()} and {@link
   * #valueKey()} do, is for training and for words).
   *
   * @param group the field or cross it belongs to; {@link #KIND} for a count of one signal kind
   * @param key the value (a cross's first part; a kind's code)
   * @param second a cross's second part, or a kind's count bin; null for a single field
   */
  record Value(String group, String key, String second) {
    Value(String group, String key) {
      this(group, key, null);
    }

    /** The field or cross, one per signal kind ({@code "signal: demo_request"}). */
    String groupName() {
      return KIND.equals(group) || FIELD.equals(group) ? group + key : group;
    }

    /** The value within its group, a cross's parts joined by {@code |}. */
    String valueKey() {
      return KIND.equals(group) || FIELD.equals(group) ? second : second == null ? key : key + "|" + second;
    }
  }

  private ScoringFeatures() {}

  /** The instant a closed lead is seen as of: its conversion, else its last change. */
  static Instant decidedAt(Lead lead) {
    return lead.convertedTo().map(c -> c.convertedAt()).orElse(lead.updatedAt());
  }

  /** The lead's values as of {@code asOf}; signals after it are not seen. */
  static List<Value> values(Lead lead, Instant asOf) {
    return values(lead, asOf, java.util.Set.of());
  }

  /**
   * The lead's values as of {@code asOf}, with those of the custom fields named: a number or an
   * amount by its order of magnitude, a day by its year, several options one value each, any other
   * as written; a field without a value has the value of none.
   */
  static List<Value> values(Lead lead, Instant asOf, java.util.Set<String> predictive) {
    List<Value> v = base(lead, asOf);
    for (String key : predictive) {
      dev.rapport.crm.field.FieldValue f = lead.fields().values().get(key);
      if (f == null) {
        v.add(new Value(FIELD, key, ""));
        continue;
      }
      switch (f.type()) {
        case NUMBER -> v.add(new Value(FIELD, key, magnitude(f.asNumber())));
        case MONEY -> v.add(new Value(FIELD, key, f.asMoney().currency().getCurrencyCode() + " "
            + magnitude(f.asMoney().amount())));
        case DATE -> v.add(new Value(FIELD, key, "year " + f.asDate().getYear()));
        case CHOICES -> f.asChoices().forEach(o -> v.add(new Value(FIELD, key, o)));
        default -> v.add(new Value(FIELD, key, f.value()));
      }
    }
    return v;
  }

  /** A number's order of magnitude: {@code 0}, {@code 1-9}, {@code 10-99}, ..., negative ones alike with {@code -}. */
  static String magnitude(java.math.BigDecimal n) {
    if (n.signum() == 0) {
      return "0";
    }
    java.math.BigDecimal a = n.abs();
    if (a.compareTo(java.math.BigDecimal.ONE) < 0) {
      return n.signum() < 0 ? "-(0-1)" : "(0-1)";
    }
    int digits = a.precision() - a.scale(); // digits before the point
    String low = "1" + "0".repeat(digits - 1);
    String bin = low + "-" + "9".repeat(digits);
    return n.signum() < 0 ? "-" + bin : bin;
  }

  private static List<Value> base(Lead lead, Instant asOf) {
    List<Value> v = new ArrayList<>(24);
    String source = lead.source().code();
    v.add(new Value(SOURCE, source));
    v.add(new Value(CAMPAIGN, lead.campaign().map(Object::toString).orElse("")));
    String temp = TEMPERATURES[lead.temperature().ordinal()];
    v.add(new Value(TEMPERATURE, temp));
    String email = email(lead);
    v.add(new Value(EMAIL, email));
    v.add(new Value(PHONE, lead.phone().map(p -> country(p.e164())).orElse("")));
    v.add(new Value(OWNER, lead.owner().orElse("")));
    v.add(new Value(COMPANY, lead.company().isPresent() ? "yes" : ""));
    v.add(new Value(INDUSTRY, lead.industry().isPresent() ? lead.industry().get().code() : ""));

    int count = 0;
    int recent = 0;
    Instant last = null;
    Instant lastBuying = null;
    Instant recentFrom = asOf.minus(RECENT);
    String[] kindCodes = null; // the kinds seen, with their counts: few per lead, so arrays
    int[] kindCounts = null;
    int kindsSeen = 0;
    for (EngagementSignal s : lead.signals()) {
      if (s.occurredAt().isAfter(asOf)) {
        continue;
      }
      count++;
      if (s.occurredAt().isAfter(recentFrom)) {
        recent++;
      }
      if (last == null || s.occurredAt().isAfter(last)) {
        last = s.occurredAt();
      }
      if (s.type().intent() == SignalType.Intent.BUYING && (lastBuying == null || s.occurredAt().isAfter(lastBuying))) {
        lastBuying = s.occurredAt();
      }
      String code = s.type().code();
      if (kindCodes == null) {
        kindCodes = new String[4];
        kindCounts = new int[4];
      }
      int at = 0;
      while (at < kindsSeen && !kindCodes[at].equals(code)) {
        at++;
      }
      if (at == kindsSeen) {
        if (kindsSeen == kindCodes.length) {
          kindCodes = java.util.Arrays.copyOf(kindCodes, 2 * kindsSeen);
          kindCounts = java.util.Arrays.copyOf(kindCounts, 2 * kindsSeen);
        }
        kindCodes[kindsSeen++] = code;
      }
      kindCounts[at]++;
    }
    boolean buying = lastBuying != null;
    v.add(new Value(SIGNALS, count == 0 ? "0" : count == 1 ? "1" : count == 2 ? "2" : count <= 5 ? "3-5" : "6+"));
    String recentBin = recent == 0 ? "0" : recent <= 2 ? "1-2" : "3+";
    v.add(new Value(RECENT_SIGNALS, recentBin));
    if (last != null) {
      v.add(new Value(LAST_SIGNAL, recency(days(last, asOf))));
      for (int k = 0; k < kindsSeen; k++) { // how many of each kind, in doubling bins
        int n = kindCounts[k];
        v.add(new Value(KIND, kindCodes[k], n == 1 ? "1" : n <= 3 ? "2-3" : n <= 7 ? "4-7" : "8+"));
      }
    }
    // how long ago intent to buy was last shown, apart from any other signal
    v.add(new Value(LAST_BUYING, buying ? recency(days(lastBuying, asOf)) : ""));
    long age = days(lead.createdAt(), asOf);
    v.add(new Value(AGE, age <= 7 ? "7" : age <= 30 ? "30" : age <= 90 ? "90" : age <= 365 ? "365" : "365+"));
    String yes = buying ? "yes" : "no";
    v.add(new Value(SOURCE_X_TEMPERATURE, source, temp));
    v.add(new Value(TEMPERATURE_X_RECENT, temp, recentBin));
    v.add(new Value(EMAIL_X_BUYING, email, yes));
    v.add(new Value(SOURCE_X_EMAIL, source, email));
    v.add(new Value(SOURCE_X_BUYING, source, yes));
    v.add(new Value(OWNER_X_BUYING, lead.owner().orElse(""), yes));
    return v;
  }

  private static String recency(long days) {
    return days <= 7 ? "7" : days <= 30 ? "30" : days <= 90 ? "90" : "90+";
  }

  private static final String[] TEMPERATURES = {"cold", "warm", "hot"};

  /** A value in words a salesperson reads. */
  static String describe(String group, String key) {
    if (group.startsWith(KIND)) {
      String kind = words(group.substring(KIND.length()));
      return key.equals("1") ? "1 " + kind + " signal" : key + " " + kind + " signals";
    }
    if (group.startsWith(FIELD)) {
      String field = words(group.substring(FIELD.length()));
      return key.isEmpty() ? "no " + field : field + ": " + key;
    }
    String[] pair = key.split("\\|", 2);
    return switch (group) {
      case SOURCE -> "source: " + words(key);
      case CAMPAIGN -> key.isEmpty() ? "no campaign" : "campaign " + key;
      case TEMPERATURE -> "temperature: " + key;
      case EMAIL -> emailWords(key);
      case PHONE -> key.isEmpty() ? "no phone number" : "phone in " + key;
      case OWNER -> key.isEmpty() ? "no owner" : "owner: " + key;
      case COMPANY -> key.isEmpty() ? "no company name" : "company name given";
      case INDUSTRY -> key.isEmpty() ? "no industry known" : "industry: " + words(key);
      case SIGNALS -> key.equals("0") ? "no signals" : key.equals("1") ? "1 signal" : key + " signals";
      case RECENT_SIGNALS -> key.equals("0") ? "no signals in the last 14 days"
          : key + (key.equals("1") ? " signal" : " signals") + " in the last 14 days";
      case LAST_SIGNAL -> switch (key) {
        case "7" -> "last signal within a week";
        case "30" -> "last signal 8 to 30 days ago";
        case "90" -> "last signal 31 to 90 days ago";
        default -> "last signal over 90 days ago";
      };
      case AGE -> switch (key) {
        case "7" -> "captured within a week";
        case "30" -> "captured 8 to 30 days ago";
        case "90" -> "captured 31 to 90 days ago";
        case "365" -> "captured 91 to 365 days ago";
        default -> "captured over a year ago";
      };
      case SOURCE_X_TEMPERATURE -> words(pair[0]) + " lead that is " + pair[1];
      case TEMPERATURE_X_RECENT -> pair[0] + " lead with "
          + (pair[1].equals("0") ? "no signals" : pair[1] + " signals") + " in the last 14 days";
      case LAST_BUYING -> switch (key) {
        case "" -> "no buying signal";
        case "7" -> "last buying signal within a week";
        case "30" -> "last buying signal 8 to 30 days ago";
        case "90" -> "last buying signal 31 to 90 days ago";
        default -> "last buying signal over 90 days ago";
      };
      case SOURCE_X_EMAIL -> words(pair[0]) + " lead with " + (pair[1].equals("company") ? "a company e-mail"
          : pair[1].equals("free") ? "a free-mail address" : "no e-mail");
      case SOURCE_X_BUYING -> words(pair[0]) + " lead " + (pair[1].equals("yes") ? "with" : "without") + " a buying signal";
      case OWNER_X_BUYING -> (pair[0].isEmpty() ? "unowned lead" : pair[0] + "'s lead") + " "
          + (pair[1].equals("yes") ? "with" : "without") + " a buying signal";
      case EMAIL_X_BUYING -> (pair[0].equals("company") ? "company e-mail" : pair[0].equals("free")
          ? "free-mail address" : "no e-mail") + (pair[1].equals("yes") ? " and a buying signal" : " and no buying signal");
      default -> group + ": " + key;
    };
  }

  private static String emailWords(String key) {
    return switch (key) {
      case "company" -> "e-mail on a company domain";
      case "free" -> "e-mail at a free-mail provider";
      default -> "no e-mail address";
    };
  }

  /** What a group says when the lead has none of its known values. */
  static String absent(String group) {
    if (group.startsWith(FIELD)) {
      return words(group.substring(FIELD.length())) + ": a value not seen in the history";
    }
    if (group.startsWith(KIND)) {
      return "no " + words(group.substring(KIND.length())) + " signals";
    }
    if (group.equals(LAST_SIGNAL)) {
      return "no signals yet";
    }
    return group + ": a value not seen in the history";
  }

  /**
   * "company" (an address on a company's domain), "free" (a free-mail provider's, or a subdomain of
   * one) or "" (none). The domain is already in lower case.
   */
  private static String email(Lead lead) {
    if (lead.email().isEmpty()) {
      return "";
    }
    String d = lead.email().get().domain();
    while (true) {
      if (Domains.isFreeMail(d)) {
        return "free";
      }
      int dot = d.indexOf('.');
      if (dot < 0) {
        break;
      }
      d = d.substring(dot + 1);
    }
    return "company";
  }

  /**
   * The country of an E.164 number: the main region of its calling code ({@code DE} for +49; +1,
   * shared by the NANP countries, is {@code US}), {@code "??"} if the code is unknown. Read from
   * the prefix, without parsing the number (calling codes are prefix-free).
   */
  private static String country(String e164) {
    int code = 0;
    for (int digits = 1; digits <= 3 && digits < e164.length(); digits++) {
      char c = e164.charAt(digits);
      if (c < '0' || c > '9') {
        break;
      }
      code = code * 10 + (c - '0');
      String region = Regions.OF_CALLING_CODE[code];
      if (region != null) {
        return region;
      }
    }
    return "??";
  }

  /** The main region of each calling code below 1,000, or null: a constant read from libphonenumber once. */
  private static final class Regions {
    static final String[] OF_CALLING_CODE = new String[1000];

    static {
      PhoneNumberUtil util = PhoneNumberUtil.getInstance();
      for (int code = 1; code < OF_CALLING_CODE.length; code++) {
        String region = util.getRegionCodeForCountryCode(code);
        OF_CALLING_CODE[code] = "ZZ".equals(region) ? null : region;
      }
    }
  }

  /** Whole days from {@code from} to {@code to}, 0 if {@code to} is earlier: {@code Duration.between(from, to).toDays()}. */
  private static long days(Instant from, Instant to) {
    long seconds = to.getEpochSecond() - from.getEpochSecond();
    if (to.getNano() < from.getNano()) {
      seconds--; // the fraction borrows a second, as Duration.between does
    }
    return Math.max(0, seconds / 86_400);
  }

  /** A code in words: {@code demo_request} becomes {@code demo request}. */
  static String words(String code) {
    return code.replace('_', ' ');
  }
}
