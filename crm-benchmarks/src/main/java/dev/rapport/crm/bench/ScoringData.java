package dev.rapport.crm.bench;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.lead.EngagementSignal;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.Temperature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Closed leads generated with a known truth, seeded (the same seed gives the same leads), for
 * comparing lead scoring models. Each lead is an open-status {@link Lead} whose {@code updatedAt}
 * is the instant it closed (the instant both models see it as of), with its outcome and the true
 * probability it was drawn with.
 *
 * <ul>
 *   <li>{@link #engagement}: like real engagement data. A hidden interest drives everything: the
 *       source, how many signals and how recent, whether they show buying intent, the e-mail and
 *       phone given, how long the lead lived; the temperature is a function of the signals. So the
 *       fields are strongly correlated. The truth is a logistic model with interactions (a hot
 *       referral is worth more than its parts, a hot purchased-list lead less, buying intent from
 *       a free-mail address less) plus the industry (known for 70 %, its mix tilted by the
 *       interest) and the hidden interest itself.
 *   <li>{@link #interactions}: no hidden variable; the truth is a logistic model over what the
 *       lead shows (signal counts per kind, the recency of the last buying signal) with strong
 *       interactions between source, e-mail, owner and signals, and an industry effect.
 *   <li>{@link #independent}: naive Bayes's assumptions hold. The outcome is drawn first, then
 *       each field (the industry too) independently of the others given the outcome (no signals,
 *       no campaigns). The
 *       truth is Bayes's rule over those distributions, which naive Bayes estimates directly.
 * </ul>
 */
final class ScoringData {
  static final Set<String> FREE_MAIL = Set.of("gmail.com", "outlook.com", "web.de");
  private static final String[] FREE = {"gmail.com", "outlook.com", "web.de"};
  static final TenantId TENANT = TenantId.of("bench-scoring");
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  final List<Lead> leads;
  final boolean[] won;
  final Instant[] asOf;
  final double[] truth;

  private ScoringData(int n) {
    leads = new ArrayList<>(n);
    won = new boolean[n];
    asOf = new Instant[n];
    truth = new double[n];
  }

  int size() {
    return leads.size();
  }

  /** Leads {@code from} (inclusive) to {@code to} (exclusive) of this data. */
  ScoringData slice(int from, int to) {
    ScoringData s = new ScoringData(to - from);
    for (int i = from; i < to; i++) {
      s.add(leads.get(i), won[i], truth[i]);
    }
    return s;
  }

  List<Lead> won() {
    List<Lead> w = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (won[i]) {
        w.add(leads.get(i));
      }
    }
    return w;
  }

  List<Lead> lost() {
    List<Lead> l = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (!won[i]) {
        l.add(leads.get(i));
      }
    }
    return l;
  }

  private void add(Lead lead, boolean outcome, double p) {
    int i = leads.size();
    leads.add(lead);
    won[i] = outcome;
    asOf[i] = lead.updatedAt();
    truth[i] = p;
  }

  // --- the engagement data: correlated fields, interactions, a hidden interest -----------------

  private static final LeadSource[] SOURCES = {LeadSource.REFERRAL, LeadSource.PARTNER,
      LeadSource.WEBINAR, LeadSource.WEBSITE_SIGNUP, LeadSource.ADVERTISING, LeadSource.SOCIAL_ADS,
      LeadSource.PURCHASED_LIST, LeadSource.TRADE_SHOW};
  private static final double[] SOURCE_SHARE = {0.08, 0.07, 0.12, 0.20, 0.15, 0.12, 0.16, 0.10};
  private static final double[] SOURCE_TILT = {0.6, 0.4, 0.2, 0.0, -0.1, -0.2, -0.5, 0.1};
  private static final double[] SOURCE_EFFECT = {0.9, 0.6, 0.3, 0.0, -0.2, -0.4, -0.9, 0.1};
  private static final SignalType[] BUYING = {SignalType.DEMO_REQUEST, SignalType.PRICING_REQUEST,
      SignalType.MEETING_BOOKED, SignalType.INBOUND_CALL, SignalType.TRIAL_STARTED, SignalType.QUOTE_REQUEST};
  private static final SignalType[] MARKETING = {SignalType.WEBSITE_VISIT, SignalType.NEWSLETTER_SIGNUP,
      SignalType.CONTENT_DOWNLOAD, SignalType.WEBINAR_ATTENDED, SignalType.EMAIL_REPLY};
  private static final String[] OWNERS = {"ann", "bo", "carl", "dina", "eve"};
  private static final double[] OWNER_EFFECT = {0.5, 0.0, 0.1, -0.1, -0.4};
  private static final String[] COUNTRIES = {"DE", "FR", "GB", "US", "NL"};
  private static final double[] COUNTRY_SHARE = {0.35, 0.2, 0.2, 0.15, 0.1};
  private static final CampaignId[] CAMPAIGNS = {
      CampaignId.of(UUID.fromString("01890000-0000-7000-8000-000000000001")),
      CampaignId.of(UUID.fromString("01890000-0000-7000-8000-000000000002")),
      CampaignId.of(UUID.fromString("01890000-0000-7000-8000-000000000003")),
      CampaignId.of(UUID.fromString("01890000-0000-7000-8000-000000000004"))};
  private static final double[] CAMPAIGN_EFFECT = {0.4, 0.1, 0.0, -0.4};
  private static final Industry[] INDUSTRIES = {Industry.TECHNOLOGY, Industry.MANUFACTURING, Industry.RETAIL,
      Industry.HEALTHCARE, Industry.FINANCE, Industry.EDUCATION};
  private static final double[] INDUSTRY_SHARE = {0.25, 0.2, 0.2, 0.12, 0.13, 0.1};
  private static final double[] INDUSTRY_TILT = {0.3, 0.1, -0.2, 0.2, 0.0, -0.3};
  private static final double[] INDUSTRY_EFFECT = {0.5, 0.2, -0.3, 0.3, 0.0, -0.5};

  /** {@code n} closed leads of the engagement data. */
  static ScoringData engagement(int n, long seed) {
    Random r = new Random(seed);
    ScoringData d = new ScoringData(n);
    for (int i = 0; i < n; i++) {
      double z = r.nextGaussian();
      double[] w = new double[SOURCES.length];
      for (int s = 0; s < w.length; s++) {
        w[s] = SOURCE_SHARE[s] * Math.exp(SOURCE_TILT[s] * z);
      }
      int s = pick(r, w);
      LeadSource source = SOURCES[s];
      Instant closed = START.plus(Duration.ofMinutes(i));
      double ageDays = 1 + exponential(r, 35 * Math.exp(-0.3 * z));
      Instant created = closed.minus(Duration.ofSeconds((long) (ageDays * 86_400)));
      int count = Math.min(40, poisson(r, Math.exp(0.3 + 0.7 * z)));
      double rho = Math.exp(0.6 * z);
      double buyingShare = sigmoid(-1.5 + 0.9 * z);
      List<EngagementSignal> signals = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        double u = Math.pow(r.nextDouble(), rho);
        Instant at = closed.minus(Duration.ofSeconds((long) (u * ageDays * 86_400)));
        SignalType type = r.nextDouble() < buyingShare ? BUYING[r.nextInt(BUYING.length)]
            : MARKETING[r.nextInt(MARKETING.length)];
        signals.add(EngagementSignal.of(type, at));
      }
      signals.sort(java.util.Comparator.comparing(EngagementSignal::occurredAt));
      Instant recentFrom = closed.minus(Duration.ofDays(14));
      int recent = 0;
      boolean buyingRecently = false;
      boolean buying = false;
      boolean lastMonth = false;
      for (EngagementSignal e : signals) {
        boolean b = e.type().intent() == SignalType.Intent.BUYING;
        buying |= b;
        if (e.occurredAt().isAfter(recentFrom)) {
          recent++;
          buyingRecently |= b;
        }
        lastMonth |= e.occurredAt().isAfter(closed.minus(Duration.ofDays(30)));
      }
      Temperature temperature = buyingRecently || recent >= 3 ? Temperature.HOT
          : lastMonth ? Temperature.WARM : Temperature.COLD;
      // e-mail: none, free-mail (more often from lists and ads, less from the interested) or company
      String emailKind;
      if (r.nextDouble() < 0.15) {
        emailKind = "none";
      } else {
        double free = sigmoid((source == LeadSource.PURCHASED_LIST || source == LeadSource.SOCIAL_ADS ? 0.4 : -0.85) - 0.3 * z);
        emailKind = r.nextDouble() < free ? "free" : "company";
      }
      Optional<EmailAddress> email = switch (emailKind) {
        case "free" -> Optional.of(EmailAddress.of("lead" + i + "@" + FREE[i % 3]));
        case "company" -> Optional.of(EmailAddress.of("lead" + i + "@company" + (i % 997) + ".example"));
        default -> Optional.empty();
      };
      boolean company = r.nextDouble() < (emailKind.equals("company") ? 0.85 : 0.25);
      int country = r.nextDouble() < sigmoid(-0.5 + 0.8 * z) ? pick(r, COUNTRY_SHARE) : -1;
      int owner = r.nextDouble() < 0.1 ? -1 : r.nextInt(OWNERS.length);
      int campaign = (source == LeadSource.WEBINAR || source == LeadSource.ADVERTISING
          || source == LeadSource.SOCIAL_ADS) && r.nextDouble() < 0.7 ? r.nextInt(CAMPAIGNS.length) : -1;
      // industry: known for 70 %, tilted by the interest (the interested come more from some)
      int industry = -1;
      if (r.nextDouble() < 0.7) {
        double[] iw = new double[INDUSTRIES.length];
        for (int k = 0; k < iw.length; k++) {
          iw[k] = INDUSTRY_SHARE[k] * Math.exp(INDUSTRY_TILT[k] * z);
        }
        industry = pick(r, iw);
      }

      boolean hot = temperature == Temperature.HOT;
      double logit = -1.3 + SOURCE_EFFECT[s] + 0.45 * Math.log1p(count) + 0.9 * (buyingRecently ? 1 : 0)
          + 0.3 * (hot ? 1 : 0)
          + (source == LeadSource.REFERRAL && hot ? 1.0 : 0)
          - (source == LeadSource.PURCHASED_LIST && hot ? 1.3 : 0)
          - (emailKind.equals("free") && buying ? 0.8 : 0)
          + (emailKind.equals("company") ? 0.4 : emailKind.equals("none") ? -0.3 : 0)
          + (owner >= 0 ? OWNER_EFFECT[owner] : -0.2)
          + (campaign >= 0 ? CAMPAIGN_EFFECT[campaign] : 0)
          + (country >= 0 && COUNTRIES[country].equals("US") ? -0.3 : 0)
          - (ageDays > 90 ? 0.8 : 0)
          + (industry >= 0 ? INDUSTRY_EFFECT[industry] : -0.1)
          + 0.5 * z;
      double p = sigmoid(logit);
      boolean outcome = r.nextDouble() < p;
      Lead lead = lead(r, i, source, email, country >= 0 ? Optional.of(phone(r, COUNTRIES[country])) : Optional.empty(),
          company, signals, temperature, owner >= 0 ? Optional.of(OWNERS[owner]) : Optional.empty(),
          campaign >= 0 ? Optional.of(CAMPAIGNS[campaign]) : Optional.empty(), created, closed, industry);
      d.add(lead, outcome, p);
    }
    return d;
  }

  // --- the interaction data: a logistic truth over what the lead shows, strong interactions ------

  private static final SignalType[] I_KINDS = {SignalType.WEBSITE_VISIT, SignalType.CONTENT_DOWNLOAD,
      SignalType.WEBINAR_ATTENDED, SignalType.DEMO_REQUEST, SignalType.PRICING_REQUEST};
  private static final double[] I_KIND_RATE = {2.0, 0.8, 0.5, 0.3, 0.4};
  private static final double[] I_KIND_EFFECT = {0.35, 0.5, 0.6, 0.0, 0.5};

  /**
   * {@code n} closed leads of the interaction data: no hidden variable; every field drawn on its
   * own (signal counts per kind from Poisson rates a little tilted by the source); the truth a
   * logistic model over what the lead shows, with how many signals of each kind (their
   * logarithm), how long ago the last buying signal came (not any signal), and strong
   * interactions: a referral that asked for a demo (+1.5), a purchased-list lead on a company
   * domain (-1.2), Ann's leads that asked for prices (+1.0), buying intent from a free-mail
   * address (-1.0), a webinar lead that attended two or more webinars (+0.8). Its temperature is
   * what the signals make it, as in the engagement data.
   */
  static ScoringData interactions(int n, long seed) {
    Random r = new Random(seed);
    ScoringData d = new ScoringData(n);
    for (int i = 0; i < n; i++) {
      int s = pick(r, SOURCE_SHARE);
      LeadSource source = SOURCES[s];
      Instant closed = START.plus(Duration.ofMinutes(i));
      double ageDays = 2 + exponential(r, 40);
      Instant created = closed.minus(Duration.ofSeconds((long) (ageDays * 86_400)));
      int[] counts = new int[I_KINDS.length];
      List<EngagementSignal> signals = new ArrayList<>();
      double lastBuyingDays = -1;
      for (int k = 0; k < I_KINDS.length; k++) {
        counts[k] = Math.min(30, poisson(r, I_KIND_RATE[k] * Math.exp(0.3 * SOURCE_TILT[s])));
        for (int c = 0; c < counts[k]; c++) {
          double daysAgo = r.nextDouble() * ageDays;
          signals.add(EngagementSignal.of(I_KINDS[k], closed.minus(Duration.ofSeconds((long) (daysAgo * 86_400)))));
          if (I_KINDS[k].intent() == SignalType.Intent.BUYING && (lastBuyingDays < 0 || daysAgo < lastBuyingDays)) {
            lastBuyingDays = daysAgo;
          }
        }
      }
      signals.sort(java.util.Comparator.comparing(EngagementSignal::occurredAt));
      Instant recentFrom = closed.minus(Duration.ofDays(14));
      int recent = 0;
      boolean buyingRecently = false;
      boolean lastMonth = false;
      for (EngagementSignal e : signals) {
        if (e.occurredAt().isAfter(recentFrom)) {
          recent++;
          buyingRecently |= e.type().intent() == SignalType.Intent.BUYING;
        }
        lastMonth |= e.occurredAt().isAfter(closed.minus(Duration.ofDays(30)));
      }
      Temperature temperature = buyingRecently || recent >= 3 ? Temperature.HOT
          : lastMonth ? Temperature.WARM : Temperature.COLD;
      double e = r.nextDouble();
      String emailKind = e < 0.15 ? "none" : e < 0.5 ? "free" : "company";
      Optional<EmailAddress> email = switch (emailKind) {
        case "free" -> Optional.of(EmailAddress.of("lead" + i + "@" + FREE[i % 3]));
        case "company" -> Optional.of(EmailAddress.of("lead" + i + "@company" + (i % 997) + ".example"));
        default -> Optional.empty();
      };
      int owner = r.nextInt(OWNERS.length);
      int country = r.nextDouble() < 0.6 ? pick(r, COUNTRY_SHARE) : -1;
      int campaign = (source == LeadSource.WEBINAR || source == LeadSource.ADVERTISING) && r.nextDouble() < 0.7
          ? r.nextInt(CAMPAIGNS.length) : -1;
      int industry = r.nextDouble() < 0.8 ? pick(r, INDUSTRY_SHARE) : -1;
      boolean buying = lastBuyingDays >= 0;
      double logit = -1.6 + 0.7 * SOURCE_EFFECT[s] + (emailKind.equals("company") ? 0.3 : 0)
          + OWNER_EFFECT[owner] + (campaign >= 0 ? CAMPAIGN_EFFECT[campaign] : 0)
          + (industry >= 0 ? INDUSTRY_EFFECT[industry] : 0);
      for (int k = 0; k < I_KINDS.length; k++) {
        logit += I_KIND_EFFECT[k] * Math.log1p(counts[k]);
      }
      if (buying) {
        logit += 1.2 - 0.03 * Math.min(lastBuyingDays, 90);
      }
      logit += (source == LeadSource.REFERRAL && counts[3] > 0 ? 1.5 : 0)
          - (source == LeadSource.PURCHASED_LIST && emailKind.equals("company") ? 1.2 : 0)
          + (OWNERS[owner].equals("ann") && counts[4] > 0 ? 1.0 : 0)
          - (emailKind.equals("free") && buying ? 1.0 : 0)
          + (source == LeadSource.WEBINAR && counts[2] >= 2 ? 0.8 : 0);
      double p = sigmoid(logit);
      boolean outcome = r.nextDouble() < p;
      Lead lead = lead(r, i, source, email, country >= 0 ? Optional.of(phone(r, COUNTRIES[country])) : Optional.empty(),
          r.nextDouble() < 0.6, signals, temperature, Optional.of(OWNERS[owner]),
          campaign >= 0 ? Optional.of(CAMPAIGNS[campaign]) : Optional.empty(), created, closed, industry);
      d.add(lead, outcome, p);
    }
    return d;
  }

  // --- the independent data: naive Bayes's assumptions hold -------------------------------------

  private static final double[][] I_SOURCE = {
      {0.20, 0.15, 0.15, 0.20, 0.10, 0.08, 0.04, 0.08},
      {0.06, 0.07, 0.12, 0.22, 0.15, 0.14, 0.16, 0.08}};
  private static final Temperature[] TEMPERATURES = {Temperature.HOT, Temperature.WARM, Temperature.COLD};
  private static final double[][] I_TEMPERATURE = {{0.35, 0.40, 0.25}, {0.12, 0.33, 0.55}};
  private static final double[][] I_EMAIL = {{0.65, 0.25, 0.10}, {0.40, 0.40, 0.20}};
  private static final double[][] I_PHONE = {{0.6, 0.4}, {0.4, 0.6}};
  private static final double[][] I_OWNER = {{0.3, 0.2, 0.2, 0.2, 0.1}, {0.15, 0.2, 0.2, 0.2, 0.25}};
  private static final double[][] I_COMPANY = {{0.7, 0.3}, {0.5, 0.5}};
  private static final double[][] I_AGE = {{0.30, 0.35, 0.20, 0.10, 0.05}, {0.15, 0.25, 0.25, 0.20, 0.15}};
  private static final int[][] AGE_DAYS = {{0, 7}, {8, 30}, {31, 90}, {91, 365}, {366, 700}};
  private static final double[][] I_INDUSTRY = {{0.30, 0.20, 0.10, 0.15, 0.15, 0.10}, {0.15, 0.20, 0.25, 0.10, 0.15, 0.15}};
  private static final double I_WON = 0.3;

  /** {@code n} closed leads of the independent data. */
  static ScoringData independent(int n, long seed) {
    Random r = new Random(seed);
    ScoringData d = new ScoringData(n);
    for (int i = 0; i < n; i++) {
      boolean outcome = r.nextDouble() < I_WON;
      int y = outcome ? 0 : 1;
      double[] llr = {Math.log(I_WON / (1 - I_WON))};
      int s = draw(r, I_SOURCE, y, llr);
      int t = draw(r, I_TEMPERATURE, y, llr);
      int e = draw(r, I_EMAIL, y, llr);
      int ph = draw(r, I_PHONE, y, llr);
      int o = draw(r, I_OWNER, y, llr);
      int c = draw(r, I_COMPANY, y, llr);
      int a = draw(r, I_AGE, y, llr);
      int ind = draw(r, I_INDUSTRY, y, llr);
      Instant closed = START.plus(Duration.ofMinutes(i));
      int days = AGE_DAYS[a][0] + r.nextInt(AGE_DAYS[a][1] - AGE_DAYS[a][0] + 1);
      Instant created = closed.minus(Duration.ofDays(days)).minusSeconds(r.nextInt(3600));
      Optional<EmailAddress> email = switch (e) {
        case 0 -> Optional.of(EmailAddress.of("lead" + i + "@company" + (i % 997) + ".example"));
        case 1 -> Optional.of(EmailAddress.of("lead" + i + "@gmail.com"));
        default -> Optional.empty();
      };
      Optional<PhoneNumber> phone = ph == 0 ? Optional.of(phone(r, COUNTRIES[pick(r, COUNTRY_SHARE)])) : Optional.empty();
      Lead lead = lead(r, i, SOURCES[s], email, phone, c == 0, List.of(), TEMPERATURES[t],
          Optional.of(OWNERS[o]), Optional.empty(), created, closed, ind);
      d.add(lead, outcome, sigmoid(llr[0]));
    }
    return d;
  }

  /** Draws a category given the outcome and adds its log-likelihood ratio won/lost. */
  private static int draw(Random r, double[][] byOutcome, int y, double[] llr) {
    int v = pick(r, byOutcome[y]);
    llr[0] += Math.log(byOutcome[0][v] / byOutcome[1][v]);
    return v;
  }

  private static Lead lead(Random r, int i, LeadSource source, Optional<EmailAddress> email,
      Optional<PhoneNumber> phone, boolean company, List<EngagementSignal> signals,
      Temperature temperature, Optional<String> owner, Optional<CampaignId> campaign,
      Instant created, Instant closed, int industry) {
    return new Lead(LeadId.of(new UUID(r.nextLong(), r.nextLong())), TENANT, 1,
        PersonName.of("Lead " + i), email, phone, company ? Optional.of("Company " + i) : Optional.empty(),
        Optional.empty(), source, Optional.empty(), LeadStatus.NEW, Optional.empty(), signals,
        temperature, Optional.empty(), owner, 0, created, closed, Optional.empty(), campaign,
        industry >= 0 ? Optional.of(INDUSTRIES[industry]) : Optional.empty(), dev.rapport.crm.field.CustomFields.empty());
  }

  /** libphonenumber's example number of the country: the model sees only the country. */
  private static PhoneNumber phone(Random r, String country) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    return PhoneNumber.of(util.format(util.getExampleNumber(country), PhoneNumberUtil.PhoneNumberFormat.E164));
  }

  /**
   * The country of an E.164 number: the main region of its calling code ({@code DE} for +49; +1,
   * shared by the NANP countries, is {@code US}), {@code "??"} if the code is unknown. Read from
   * the prefix, without parsing the number (calling codes are prefix-free).
   */
  static String country(String e164) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    for (int digits = 1; digits <= 3 && digits < e164.length(); digits++) {
      String region = util.getRegionCodeForCountryCode(Integer.parseInt(e164.substring(1, 1 + digits)));
      if (!"ZZ".equals(region)) {
        return region;
      }
    }
    return "??";
  }

  private static int pick(Random r, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = r.nextDouble() * total;
    for (int k = 0; k < weights.length; k++) {
      u -= weights[k];
      if (u < 0) {
        return k;
      }
    }
    return weights.length - 1;
  }

  private static double exponential(Random r, double mean) {
    return -mean * Math.log(1 - r.nextDouble());
  }

  private static int poisson(Random r, double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
