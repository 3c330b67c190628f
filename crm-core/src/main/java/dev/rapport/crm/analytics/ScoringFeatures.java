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
import java.util.TreeSet;

/**
 * What predictive lead scoring sees of a lead, as of an instant: a list of categorical values,
 * each in a group (a field, or a cross of two fields) with a description a salesperson reads. The
 * model turns each value it has seen often enough into one binary feature (see {@link
 * ScoringModel}). Leads have no industry, so there is none; activities count through the signals
 * they record (an inbound call, an e-mail reply, a meeting held), outbound activities not at all.
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
  static final String SIGNALS = "signals";
  static final String RECENT_SIGNALS = "recent signals";
  static final String LAST_SIGNAL = "last signal";
  static final String AGE = "age";
  static final String KIND = "signal: ";
  static final String SOURCE_X_TEMPERATURE = "source × temperature";
  static final String TEMPERATURE_X_RECENT = "temperature × recent signals";
  static final String EMAIL_X_BUYING = "e-mail × buying signal";

  /**
   * One value of a lead; {@link #describe} puts it in words.
   *
   * @param group the field or cross it belongs to
   * @param key the value, as the model keys it
   */
  record Value(String group, String key) {}

  private ScoringFeatures() {}

  /** The instant a closed lead is seen as of: its conversion, else its last change. */
  static Instant decidedAt(Lead lead) {
    return lead.convertedTo().map(c -> c.convertedAt()).orElse(lead.updatedAt());
  }

  /** The lead's values as of {@code asOf}; signals after it are not seen. */
  static List<Value> values(Lead lead, Instant asOf) {
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

    int count = 0;
    int recent = 0;
    boolean buying = false;
    Instant last = null;
    Instant recentFrom = asOf.minus(RECENT);
    TreeSet<String> kinds = null;
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
      buying |= s.type().intent() == SignalType.Intent.BUYING;
      if (kinds == null) {
        kinds = new TreeSet<>();
      }
      kinds.add(s.type().code());
    }
    v.add(new Value(SIGNALS, count == 0 ? "0" : count == 1 ? "1" : count == 2 ? "2" : count <= 5 ? "3-5" : "6+"));
    String recentBin = recent == 0 ? "0" : recent <= 2 ? "1-2" : "3+";
    v.add(new Value(RECENT_SIGNALS, recentBin));
    if (last != null) {
      long days = days(last, asOf);
      v.add(new Value(LAST_SIGNAL, days <= 7 ? "7" : days <= 30 ? "30" : days <= 90 ? "90" : "90+"));
      for (String kind : kinds) {
        v.add(new Value(KIND + kind, "yes"));
      }
    }
    long age = days(lead.createdAt(), asOf);
    v.add(new Value(AGE, age <= 7 ? "7" : age <= 30 ? "30" : age <= 90 ? "90" : age <= 365 ? "365" : "365+"));
    v.add(new Value(SOURCE_X_TEMPERATURE, source + "|" + temp));
    v.add(new Value(TEMPERATURE_X_RECENT, temp + "|" + recentBin));
    v.add(new Value(EMAIL_X_BUYING, email + (buying ? "|yes" : "|no")));
    return v;
  }

  private static final String[] TEMPERATURES = {"cold", "warm", "hot"};

  /** A value in words a salesperson reads. */
  static String describe(String group, String key) {
    if (group.startsWith(KIND)) {
      return words(group.substring(KIND.length())) + " signal";
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
    if (group.startsWith(KIND)) {
      return "no " + words(group.substring(KIND.length())) + " signal";
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

  private static long days(Instant from, Instant to) {
    long d = Duration.between(from, to).toDays();
    return Math.max(0, d);
  }

  /** A code in words: {@code demo_request} becomes {@code demo request}. */
  static String words(String code) {
    return code.replace('_', ' ');
  }
}
