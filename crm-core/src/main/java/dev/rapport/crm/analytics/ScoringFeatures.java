package dev.rapport.crm.analytics;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.rapport.crm.internal.Domains;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.Temperature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
   * One value of a lead.
   *
   * @param group the field or cross it belongs to
   * @param key the value, as the model keys it
   * @param description the value in words
   */
  record Value(String group, String key, String description) {}

  private ScoringFeatures() {}

  /** The instant a closed lead is seen as of: its conversion, else its last change. */
  static Instant decidedAt(Lead lead) {
    return lead.convertedTo().map(c -> c.convertedAt()).orElse(lead.updatedAt());
  }

  /** The lead's values as of {@code asOf}; signals after it are not seen. */
  static List<Value> values(Lead lead, Instant asOf) {
    List<Value> v = new ArrayList<>(24);
    String source = lead.source().code();
    v.add(new Value(SOURCE, source, "source: " + words(source)));
    v.add(lead.campaign().map(c -> new Value(CAMPAIGN, c.toString(), "campaign " + c))
        .orElse(new Value(CAMPAIGN, "", "no campaign")));
    Temperature t = lead.temperature();
    String temp = t.name().toLowerCase(Locale.ROOT);
    v.add(new Value(TEMPERATURE, temp, "temperature: " + temp));
    String email = email(lead);
    v.add(new Value(EMAIL, email, switch (email) {
      case "company" -> "e-mail on a company domain";
      case "free" -> "e-mail at a free-mail provider";
      default -> "no e-mail address";
    }));
    Optional<String> country = lead.phone().map(p -> country(p.e164()));
    v.add(country.map(c -> new Value(PHONE, c, "phone in " + c))
        .orElse(new Value(PHONE, "", "no phone number")));
    v.add(lead.owner().map(o -> new Value(OWNER, o, "owner: " + o))
        .orElse(new Value(OWNER, "", "no owner")));
    v.add(lead.company().isPresent() ? new Value(COMPANY, "yes", "company name given")
        : new Value(COMPANY, "", "no company name"));

    int count = 0;
    int recent = 0;
    boolean buying = false;
    Instant last = null;
    Instant recentFrom = asOf.minus(RECENT);
    TreeSet<String> kinds = new TreeSet<>();
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
      kinds.add(s.type().code());
    }
    String countBin = count == 0 ? "0" : count == 1 ? "1" : count == 2 ? "2" : count <= 5 ? "3-5" : "6+";
    v.add(new Value(SIGNALS, countBin, switch (countBin) {
      case "0" -> "no signals";
      case "1" -> "1 signal";
      default -> countBin + " signals";
    }));
    String recentBin = recent == 0 ? "0" : recent <= 2 ? "1-2" : "3+";
    v.add(new Value(RECENT_SIGNALS, recentBin, recent == 0 ? "no signals in the last 14 days"
        : recentBin + (recent == 1 ? " signal" : " signals") + " in the last 14 days"));
    if (last != null) {
      long days = days(last, asOf);
      String lastBin = days <= 7 ? "7" : days <= 30 ? "30" : days <= 90 ? "90" : "90+";
      v.add(new Value(LAST_SIGNAL, lastBin, switch (lastBin) {
        case "7" -> "last signal within a week";
        case "30" -> "last signal 8 to 30 days ago";
        case "90" -> "last signal 31 to 90 days ago";
        default -> "last signal over 90 days ago";
      }));
    }
    for (String kind : kinds) {
      v.add(new Value(KIND + kind, "yes", words(kind) + " signal"));
    }
    long age = days(lead.createdAt(), asOf);
    String ageBin = age <= 7 ? "7" : age <= 30 ? "30" : age <= 90 ? "90" : age <= 365 ? "365" : "365+";
    v.add(new Value(AGE, ageBin, switch (ageBin) {
      case "7" -> "captured within a week";
      case "30" -> "captured 8 to 30 days ago";
      case "90" -> "captured 31 to 90 days ago";
      case "365" -> "captured 91 to 365 days ago";
      default -> "captured over a year ago";
    }));
    v.add(new Value(SOURCE_X_TEMPERATURE, source + "|" + temp,
        words(source) + " lead that is " + temp));
    v.add(new Value(TEMPERATURE_X_RECENT, temp + "|" + recentBin, temp + " lead with "
        + (recent == 0 ? "no signals" : recentBin + (recent == 1 ? " signal" : " signals")) + " in the last 14 days"));
    v.add(new Value(EMAIL_X_BUYING, email + "|" + buying, (switch (email) {
      case "company" -> "company e-mail";
      case "free" -> "free-mail address";
      default -> "no e-mail";
    }) + (buying ? " and a buying signal" : " and no buying signal")));
    return v;
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

  /** "company" (an address on a company's domain), "free" (a free-mail provider's) or "" (none). */
  private static String email(Lead lead) {
    if (lead.email().isEmpty()) {
      return "";
    }
    return Domains.ascii(lead.email().get().domain()).map(Domains::registrable)
        .map(d -> Domains.isFreeMail(d) ? "free" : "company").orElse("company");
  }

  /** The ISO region of an E.164 number, e.g. {@code DE}; {@code "??"} if libphonenumber knows none. */
  private static String country(String e164) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      String region = util.getRegionCodeForNumber(util.parse(e164, "ZZ"));
      return region == null || region.equals("ZZ") ? "??" : region;
    } catch (NumberParseException e) {
      return "??";
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
