package dev.rapport.crm.bench;

import dev.rapport.crm.common.Money;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.Temperature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: what a developer would write by hand instead of Rapport's in-memory adapter. Plain
 * records in {@link ConcurrentHashMap}s with the same secondary indexes as the adapter (lead: id
 * order, e-mail, status, temperature, owner, source; contact: e-mail, account; account: name,
 * domain; opportunity: status, account, owner, stage), each a map from key to the sorted ids filed
 * under it. No validation, no units of work, no events, no optimistic versions: the raw cost of
 * the structures. Thread-safe per map, not across maps.
 */
final class HandStore {
  /** A lead as a plain record: the fields of {@code Lead}, flattened to strings, enums and times. */
  record LeadRow(UUID id, String tenant, long version, String givenName, String familyName,
      String email, String phone, String company, String title, String source, String sourceDetail,
      LeadStatus status, String disqualificationReason, List<SignalRow> signals,
      Temperature temperature, Temperature temperatureOverride, String owner, int score,
      Instant createdAt, Instant updatedAt, UUID contactId, UUID accountId, UUID opportunityId,
      Instant convertedAt) {

    LeadRow converted(UUID contact, UUID account, UUID opportunity, Instant now) {
      return new LeadRow(id, tenant, version + 1, givenName, familyName, email, phone, company,
          title, source, sourceDetail, LeadStatus.CONVERTED, null, signals, temperature,
          temperatureOverride, owner, score, createdAt, now, contact, account, opportunity, now);
    }

    LeadRow withStatus(LeadStatus s, Instant now) {
      return new LeadRow(id, tenant, version + 1, givenName, familyName, email, phone, company,
          title, source, sourceDetail, s, disqualificationReason, signals, temperature,
          temperatureOverride, owner, score, createdAt, now, contactId, accountId, opportunityId,
          convertedAt);
    }
  }

  /** An engagement signal as a plain record. */
  record SignalRow(String type, Instant occurredAt) {}

  record ContactRow(UUID id, String tenant, long version, String givenName, String familyName,
      UUID accountId, List<String> emails, List<String> phones, String title, UUID originLead,
      String owner, Instant createdAt, Instant updatedAt) {}

  record AccountRow(UUID id, String tenant, long version, String name, String domain, String owner,
      Instant createdAt, Instant updatedAt) {}

  /** An opportunity as a plain record: the fields of {@code Opportunity}, flattened. */
  record OpportunityRow(UUID id, String tenant, long version, String name, UUID accountId,
      UUID primaryContact, Money amount, String stage, int probability,
      boolean probabilityOverridden, String forecastCategory, java.time.LocalDate expectedCloseDate,
      String status, String lostReason, String source, UUID originLead, String owner,
      List<StageRow> history, Instant createdAt, Instant updatedAt, Instant closedAt) {}

  record StageRow(String from, String to, Instant at) {}

  private static final AtomicLong LAST = new AtomicLong();

  final Map<UUID, LeadRow> leads = new ConcurrentHashMap<>();
  final NavigableSet<UUID> leadOrder = new ConcurrentSkipListSet<>();
  final Map<String, LeadRow> leadByEmail = new ConcurrentHashMap<>();
  final Map<LeadStatus, NavigableSet<UUID>> leadByStatus = new ConcurrentHashMap<>();
  final Map<Temperature, NavigableSet<UUID>> leadByTemperature = new ConcurrentHashMap<>();
  final Map<String, NavigableSet<UUID>> leadByOwner = new ConcurrentHashMap<>();
  final Map<String, NavigableSet<UUID>> leadBySource = new ConcurrentHashMap<>();

  final Map<UUID, ContactRow> contacts = new ConcurrentHashMap<>();
  final Map<String, ContactRow> contactByEmail = new ConcurrentHashMap<>();
  final Map<UUID, NavigableSet<UUID>> contactByAccount = new ConcurrentHashMap<>();

  final Map<UUID, AccountRow> accounts = new ConcurrentHashMap<>();
  final Map<String, AccountRow> accountByName = new ConcurrentHashMap<>();
  final Map<String, AccountRow> accountByDomain = new ConcurrentHashMap<>();

  final Map<UUID, OpportunityRow> opportunities = new ConcurrentHashMap<>();
  final Map<String, NavigableSet<UUID>> opportunityByStatus = new ConcurrentHashMap<>();
  final Map<UUID, NavigableSet<UUID>> opportunityByAccount = new ConcurrentHashMap<>();
  final Map<String, NavigableSet<UUID>> opportunityByOwner = new ConcurrentHashMap<>();
  final Map<String, NavigableSet<UUID>> opportunityByStage = new ConcurrentHashMap<>();

  /**
   * A time-ordered id, as cheap as it gets: strictly increasing high bits from the millisecond
   * clock (one compare-and-set), and thread-local random low bits.
   */
  static UUID nextId() {
    long now = System.currentTimeMillis() << 16;
    long msb = LAST.updateAndGet(prev -> Math.max(prev + 1, now));
    return new UUID(msb, ThreadLocalRandom.current().nextLong());
  }

  private static <K> void file(Map<K, NavigableSet<UUID>> index, K key, UUID id) {
    index.computeIfAbsent(key, k -> new ConcurrentSkipListSet<>()).add(id);
  }

  private static <K> void unfile(Map<K, NavigableSet<UUID>> index, K key, UUID id) {
    NavigableSet<UUID> set = index.get(key);
    if (set != null) {
      set.remove(id);
    }
  }

  /** Stores a new lead built from the same inputs as Rapport's capture. */
  LeadRow capture(String given, String family, String email, String company, String owner,
      String source, SignalType signal, Instant now) {
    UUID id = nextId();
    Temperature temperature = signal == null ? Temperature.COLD
        : signal.intent() == SignalType.Intent.BUYING ? Temperature.HOT : Temperature.WARM;
    List<SignalRow> signals = signal == null ? List.of() : List.of(new SignalRow(signal.code(), now));
    LeadRow row = new LeadRow(id, Fixture.TENANT, 1, given, family, email, null, company, null,
        source, null, LeadStatus.NEW, null, signals, temperature, null, owner, 0, now, now, null,
        null, null, null);
    insert(row);
    return row;
  }

  private void insert(LeadRow row) {
    UUID id = row.id();
    leads.put(id, row);
    leadOrder.add(id);
    leadByEmail.put(row.email().toLowerCase(Locale.ROOT), row);
    file(leadByStatus, row.status(), id);
    file(leadByTemperature, row.temperature(), id);
    file(leadByOwner, row.owner(), id);
    file(leadBySource, row.source(), id);
  }

  private void update(LeadRow before, LeadRow after) {
    UUID id = after.id();
    leads.put(id, after);
    leadByEmail.put(after.email().toLowerCase(Locale.ROOT), after);
    if (before.status() != after.status()) {
      unfile(leadByStatus, before.status(), id);
      file(leadByStatus, after.status(), id);
    }
  }

  /** Moves a stored lead to another status. */
  void changeStatus(UUID id, LeadStatus status, Instant now) {
    LeadRow before = leads.get(id);
    update(before, before.withStatus(status, now));
  }

  /** The lead with this e-mail address (any case): one map get. */
  LeadRow findByEmail(String email) {
    return leadByEmail.get(email.toLowerCase(Locale.ROOT));
  }

  /**
   * The first {@code size} hot leads of an owner, in id order, by walking the owner index; the
   * returned list holds one more when more follow (what a keyset page needs to know).
   */
  List<LeadRow> hotLeadsOf(String owner, int size) {
    List<LeadRow> page = new ArrayList<>(size + 1);
    NavigableSet<UUID> ids = leadByOwner.get(owner);
    if (ids == null) {
      return page;
    }
    for (UUID id : ids) {
      LeadRow row = leads.get(id);
      if (row.temperature() == Temperature.HOT) {
        page.add(row);
        if (page.size() > size) {
          break;
        }
      }
    }
    return page;
  }

  /** How many hot leads the owner has: the owner index walked, each row's temperature read. */
  long countHotLeadsOf(String owner) {
    NavigableSet<UUID> ids = leadByOwner.get(owner);
    long n = 0;
    if (ids != null) {
      for (UUID id : ids) {
        if (leads.get(id).temperature() == Temperature.HOT) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Converts a qualified lead: looks for an existing contact by e-mail and account by name or
   * domain as Rapport does, then stores a new account, contact and opportunity with their indexes
   * and the converted lead.
   */
  OpportunityRow convert(UUID leadId, String dealName, Money amount, Instant now) {
    LeadRow lead = leads.get(leadId);
    if (lead == null || lead.status() != LeadStatus.QUALIFIED) {
      throw new IllegalStateException("not a qualified lead: " + leadId);
    }
    String email = lead.email().toLowerCase(Locale.ROOT);
    String domain = email.substring(email.indexOf('@') + 1);
    ContactRow existingContact = contactByEmail.get(email);
    AccountRow account = existingContact != null && existingContact.accountId() != null
        ? accounts.get(existingContact.accountId()) : null;
    String nameKey = lead.company().toLowerCase(Locale.ROOT).strip();
    if (account == null) {
      account = accountByName.get(nameKey);
    }
    if (account == null) {
      account = accountByDomain.get(domain);
    }
    if (account == null) {
      account = new AccountRow(nextId(), lead.tenant(), 1, lead.company(), domain, lead.owner(),
          now, now);
      accounts.put(account.id(), account);
      accountByName.put(nameKey, account);
      accountByDomain.put(domain, account);
    }
    ContactRow contact = existingContact;
    if (contact == null) {
      contact = new ContactRow(nextId(), lead.tenant(), 1, lead.givenName(), lead.familyName(),
          account.id(), List.of(lead.email()), List.of(), lead.title(), lead.id(), lead.owner(),
          now, now);
      contacts.put(contact.id(), contact);
      contactByEmail.put(email, contact);
      file(contactByAccount, account.id(), contact.id());
    }
    OpportunityRow opportunity = new OpportunityRow(nextId(), lead.tenant(), 1, dealName,
        account.id(), contact.id(), amount, "Prospecting", 10, false, "PIPELINE", null, "OPEN",
        null, lead.source(), lead.id(), lead.owner(),
        List.of(new StageRow(null, "Prospecting", now)), now, now, null);
    opportunities.put(opportunity.id(), opportunity);
    file(opportunityByStatus, opportunity.status(), opportunity.id());
    file(opportunityByAccount, account.id(), opportunity.id());
    file(opportunityByOwner, opportunity.owner(), opportunity.id());
    file(opportunityByStage, opportunity.stage(), opportunity.id());
    update(lead, lead.converted(contact.id(), account.id(), opportunity.id(), now));
    return opportunity;
  }
}
