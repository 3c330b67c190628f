package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.NewOpportunity;
import java.time.Instant;
import java.util.List;

/**
 * The synthetic leads every benchmark stores, the same for Rapport and for its baseline: lead
 * {@code i} has a name, an e-mail address, a company, one of {@value #OWNERS} owners, one of ten
 * sources, and one engagement signal captured with it: every third lead is hot (a demo request),
 * every third warm (a newsletter signup), the rest cold.
 */
final class Fixture {
  static final String TENANT = "bench";
  static final int OWNERS = 100;
  static final int COMPANIES = 5_000;
  static final List<LeadSource> SOURCES = List.of(LeadSource.WEBSITE_SIGNUP, LeadSource.ADVERTISING,
      LeadSource.PURCHASED_LIST, LeadSource.WEBINAR, LeadSource.NEWSLETTER, LeadSource.REFERRAL,
      LeadSource.TRADE_SHOW, LeadSource.COLD_CALL, LeadSource.PARTNER, LeadSource.OTHER);
  static final Money DEAL_AMOUNT = Money.of("12000", "EUR");
  private static final String[] GIVEN = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald",
      "Frances", "John", "Margaret", "Niklaus", "Radia", "Ken"};
  private static final String[] FAMILY = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov",
      "Knuth", "Allen", "Backus", "Hamilton", "Wirth", "Perlman", "Thompson"};

  private Fixture() {}

  static String given(long i) {
    return GIVEN[(int) (i % GIVEN.length)];
  }

  static String family(long i) {
    return FAMILY[(int) ((i / GIVEN.length) % FAMILY.length)];
  }

  /** The address of lead {@code i}; {@code prefix} keeps separate series apart. */
  static String email(String prefix, long i) {
    return prefix + i + "@company" + (i % COMPANIES) + ".example";
  }

  static String company(long i) {
    return "Company " + (i % COMPANIES);
  }

  static String owner(long i) {
    return "owner-" + (i % OWNERS);
  }

  static LeadSource source(long i) {
    return SOURCES.get((int) (i % SOURCES.size()));
  }

  /** The signal lead {@code i} is captured with, or null for a cold lead. */
  static SignalType signal(long i) {
    return switch ((int) (i % 3)) {
      case 0 -> SignalType.DEMO_REQUEST;
      case 1 -> SignalType.NEWSLETTER_SIGNUP;
      default -> null;
    };
  }

  /** Lead {@code i} as Rapport's input, signals stamped {@code now}. */
  static NewLead newLead(String prefix, long i, Instant now) {
    NewLead.Builder b = NewLead.builder(PersonName.of(given(i), family(i)), source(i))
        .email(email(prefix, i))
        .company(company(i))
        .owner(owner(i));
    SignalType s = signal(i);
    if (s != null) {
      b.signal(EngagementSignal.of(s, now));
    }
    return b.build();
  }

  /**
   * Lead {@code i} of the series that benchmarks convert: its own company and e-mail domain, so
   * each conversion creates a contact, an account and an opportunity.
   */
  static NewLead convertibleLead(long i, Instant now) {
    return NewLead.builder(PersonName.of(given(i), family(i)), source(i))
        .email("buyer" + i + "@buyer" + i + ".example")
        .company("Buyer " + i + " Ltd")
        .owner(owner(i))
        .signal(EngagementSignal.of(SignalType.DEMO_REQUEST, now))
        .build();
  }

  /** A new in-memory Rapport with its defaults (system clock, secure random ids). */
  static Crm memoryCrm() {
    return Crm.builder().persistence(MemoryPersistence.create()).tenant(TENANT).build();
  }

  /** Captures leads {@code 0 .. n-1} of the series {@code prefix}. */
  static void capture(Crm crm, String prefix, int n) {
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      crm.leads().capture(newLead(prefix, i, now));
    }
  }

  /** The opportunity a conversion opens. */
  static NewOpportunity deal(long i) {
    return NewOpportunity.builder("Ledger suite " + i, DEAL_AMOUNT).build();
  }

  /** Checks that a stored lead is what {@link #newLead} made (used by the correctness test). */
  static boolean sameAs(Lead lead, String prefix, long i) {
    return lead.email().orElseThrow().address().equals(email(prefix, i))
        && lead.owner().orElseThrow().equals(owner(i))
        && lead.source().equals(source(i));
  }
}
