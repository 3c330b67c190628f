package dev.rapport.crm.dedupe;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.MatchKeys;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.RecordScreen;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Finds likely duplicates among the tenant's leads, contacts and accounts. Reached through {@code
 * crm.duplicates()}. Thread-safe.
 *
 * <p>Two ways: a look-up ({@link #ofLead}, {@link #leadsLike}, {@link #ofContact}, {@link
 * #contactsLike}) reads the records sharing a blocking key with the one looked for (the same
 * e-mail address as its provider delivers it, the same number, a name that sounds the same with
 * the same initial, either way round: {@link MatchKeys}), a few index look-ups even among
 * millions, and judges each with the policy's {@link DuplicateMatcher}; a scan ({@link
 * #scanLeads}, {@link #scanContacts}) reads every record page by page and groups the tenant's
 * duplicates in clusters, judging with the matcher trained on the tenant's own names ({@link
 * DuplicateMatcher#trainedOn}).
 *
 * <p>What the policy does when a new lead or contact looks like a stored one: see {@link
 * DuplicatePolicy}.
 */
public final class DuplicateService {
  /** The most stored records one look-up judges: the likeliest keys' first records in id order. */
  public static final int CANDIDATES = 200;

  private final CrmContext ctx;
  private final DuplicatePolicy policy;

  /** Internal: obtain the service from {@code Crm.duplicates()}. */
  DuplicateService(CrmContext ctx) {
    this.ctx = ctx;
    this.policy = ctx.setting(DuplicatePolicy.class);
    if (policy.mode() != DuplicatePolicy.Mode.ALLOW) {
      ctx.screenWith(new Screen());
    }
  }

  /** The matcher look-ups judge with: the duplicate policy's. */
  public DuplicateMatcher matcher() {
    return policy.matcher();
  }

  /**
   * The stored leads likely the same person as this one, likeliest first.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such lead
   */
  public List<DuplicateMatch<LeadId>> ofLead(LeadId id) {
    Check.notNull(id, "leadId");
    return ctx.read(uow -> {
      Lead lead = uow.port(LeadRepository.class).find(id)
          .orElseThrow(() -> new NotFoundException("lead", id));
      return leads(uow, MatchProfile.of(lead), keys(lead), Optional.of(id));
    });
  }

  /**
   * The stored leads likely the same person as the profile describes (e.g. a lead about to be
   * captured, or a customer of the host's own records), likeliest first.
   *
   * @throws ValidationException if the profile is null
   */
  public List<DuplicateMatch<LeadId>> leadsLike(MatchProfile profile) {
    Check.notNull(profile, "profile");
    return ctx.read(uow -> leads(uow, profile, keys(profile), Optional.empty()));
  }

  /**
   * The stored contacts likely the same person as this one, likeliest first.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such contact
   */
  public List<DuplicateMatch<ContactId>> ofContact(ContactId id) {
    Check.notNull(id, "contactId");
    return ctx.read(uow -> {
      Contact contact = uow.port(ContactRepository.class).find(id)
          .orElseThrow(() -> new NotFoundException("contact", id));
      return contacts(uow, MatchProfile.of(contact), keys(contact), Optional.of(id));
    });
  }

  /**
   * The stored contacts likely the same person as the profile describes, likeliest first. A
   * contact's company is its account: give {@code "account:" + accountId} as the profile's
   * company to compare it.
   *
   * @throws ValidationException if the profile is null
   */
  public List<DuplicateMatch<ContactId>> contactsLike(MatchProfile profile) {
    Check.notNull(profile, "profile");
    return ctx.read(uow -> contacts(uow, profile, keys(profile), Optional.empty()));
  }

  /**
   * Groups the tenant's leads into clusters of likely one person each, reading them 500 at a time
   * (each page in its own short read) and judging with the policy's matcher trained on the
   * leads' own names. Leads that look like no other are left out.
   *
   * @param progress told the number of leads read after each page, then the number judged
   * @throws ValidationException if the progress is null
   */
  public List<DuplicateCluster<LeadId>> scanLeads(IntConsumer progress) {
    Check.notNull(progress, "progress");
    List<Lead> all = readAll(page -> ctx.read(uow -> uow.port(LeadRepository.class)
        .query(LeadQuery.all(), page)), progress);
    return clusters(all, MatchProfile::of, Lead::id, progress);
  }

  /**
   * Groups the tenant's contacts into clusters of likely one person each, as {@link #scanLeads}.
   *
   * @param progress told the number of contacts read after each page, then the number judged
   * @throws ValidationException if the progress is null
   */
  public List<DuplicateCluster<ContactId>> scanContacts(IntConsumer progress) {
    Check.notNull(progress, "progress");
    List<Contact> all = readAll(page -> ctx.read(uow -> uow.port(ContactRepository.class)
        .list(page)), progress);
    return clusters(all, MatchProfile::of, Contact::id, progress);
  }

  /**
   * The stored accounts likely the same company as this one (see {@link
   * DuplicateMatcher#compare(Account, Account)}), likeliest first.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such account
   */
  public List<DuplicateMatch<AccountId>> ofAccount(AccountId id) {
    Check.notNull(id, "accountId");
    return ctx.read(uow -> {
      Account a = uow.port(AccountRepository.class).find(id)
          .orElseThrow(() -> new NotFoundException("account", id));
      return accounts(uow, a.name(), a.domain(), a.externalReference(), Optional.of(id));
    });
  }

  /**
   * The stored accounts likely the company of this name and (optional) domain, e.g. one about to
   * be created or a customer of the host's ledger, likeliest first.
   *
   * @param domain the company's domain, or null
   * @throws ValidationException if the name is null or blank, or the domain blank
   */
  public List<DuplicateMatch<AccountId>> accountsLike(String name, String domain) {
    Check.text(name, "name", 10_000);
    Optional<String> d = domain == null ? Optional.empty() : Optional.of(Check.text(domain, "domain", 10_000));
    return ctx.read(uow -> accounts(uow, name, d, Optional.empty(), Optional.empty()));
  }

  /**
   * Groups the tenant's accounts into clusters of likely one company each, reading them 500 at a
   * time: accounts sharing a name key or a domain are compared. Accounts like no other are left
   * out.
   *
   * @param progress told the number of accounts read after each page, then the number judged
   * @throws ValidationException if the progress is null
   */
  public List<DuplicateCluster<AccountId>> scanAccounts(IntConsumer progress) {
    Check.notNull(progress, "progress");
    List<Account> all = readAll(page -> ctx.read(uow -> uow.port(AccountRepository.class).list(page)), progress);
    java.util.Map<String, List<Integer>> blocks = new java.util.HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      Account a = all.get(i);
      String key = MatchKeys.companyKey(a.name());
      if (!key.isEmpty()) {
        blocks.computeIfAbsent("c:" + key, k -> new ArrayList<>()).add(i);
      }
      int index = i;
      a.domain().ifPresent(d -> blocks.computeIfAbsent("d:" + d, k -> new ArrayList<>()).add(index));
    }
    DuplicateMatcher m = policy.matcher();
    List<DuplicateMatcher.Pair> pairs = new ArrayList<>();
    int[] lastSeenBy = new int[all.size()]; // j was compared with lastSeenBy[j] last: once per pair
    java.util.Arrays.fill(lastSeenBy, -1);
    for (int i = 0; i < all.size(); i++) {
      Account a = all.get(i);
      String key = MatchKeys.companyKey(a.name());
      List<List<Integer>> mine = new ArrayList<>(2);
      if (!key.isEmpty()) {
        mine.add(blocks.get("c:" + key));
      }
      a.domain().ifPresent(d -> mine.add(blocks.get("d:" + d)));
      for (List<Integer> block : mine) {
        if (block.size() > DuplicateMatcher.DEFAULT_MAX_BLOCK) {
          continue;
        }
        for (int j : block) {
          if (j <= i || lastSeenBy[j] == i) {
            continue;
          }
          lastSeenBy[j] = i;
          Comparison c = m.compare(a, all.get(j));
          if (c.likelyDuplicate()) {
            pairs.add(new DuplicateMatcher.Pair(i, j, c));
          }
        }
      }
    }
    pairs.sort(Comparator.comparingInt(DuplicateMatcher.Pair::first).thenComparingInt(DuplicateMatcher.Pair::second));
    progress.accept(all.size());
    return clustersOf(all, pairs, Account::id);
  }

  // ---- look-ups

  private List<DuplicateMatch<AccountId>> accounts(UnitOfWork uow, String name, Optional<String> domain,
      Optional<String> reference, Optional<AccountId> self) {
    List<Account> found = uow.port(AccountRepository.class).findByMatchKeys(MatchKeys.companyKey(name),
        domain.map(d -> d.toLowerCase(java.util.Locale.ROOT)), CANDIDATES);
    DuplicateMatcher m = policy.matcher();
    List<DuplicateMatch<AccountId>> out = new ArrayList<>();
    for (Account a : found) {
      if (self.isPresent() && self.get().equals(a.id())) {
        continue;
      }
      Comparison c = m.compareCompanies(name, domain, reference, a.name(), a.domain(), a.externalReference());
      if (c.likelyDuplicate()) {
        out.add(new DuplicateMatch<>(a.id(), c));
      }
    }
    out.sort(Comparator.comparingDouble((DuplicateMatch<AccountId> x) -> -x.comparison().weight()));
    return List.copyOf(out);
  }

  private List<DuplicateMatch<LeadId>> leads(UnitOfWork uow, MatchProfile profile, MatchKeys keys,
      Optional<LeadId> self) {
    List<Lead> found = uow.port(LeadRepository.class).findByMatchKeys(keys, CANDIDATES);
    return judge(profile, found, MatchProfile::of, Lead::id, self);
  }

  private List<DuplicateMatch<ContactId>> contacts(UnitOfWork uow, MatchProfile profile,
      MatchKeys keys, Optional<ContactId> self) {
    List<Contact> found = uow.port(ContactRepository.class).findByMatchKeys(keys, CANDIDATES);
    return judge(profile, found, MatchProfile::of, Contact::id, self);
  }

  private <R, I> List<DuplicateMatch<I>> judge(MatchProfile profile, List<R> found,
      Function<R, MatchProfile> toProfile, Function<R, I> id, Optional<I> self) {
    DuplicateMatcher m = policy.matcher();
    DuplicateMatcher.Prepared wanted = new DuplicateMatcher.Prepared(profile);
    List<DuplicateMatch<I>> out = new ArrayList<>();
    for (R r : found) {
      I rid = id.apply(r);
      if (self.isPresent() && self.get().equals(rid)) {
        continue;
      }
      Comparison c = m.compare(wanted, new DuplicateMatcher.Prepared(toProfile.apply(r)));
      if (c.likelyDuplicate()) {
        out.add(new DuplicateMatch<>(rid, c));
      }
    }
    out.sort(Comparator.comparingDouble((DuplicateMatch<I> x) -> -x.comparison().weight()));
    return List.copyOf(out);
  }

  private static MatchKeys keys(Lead l) {
    return MatchKeys.of(l.name(), l.email(), l.phone());
  }

  private static MatchKeys keys(Contact c) {
    return MatchKeys.of(c.name(), c.emails(), c.phones());
  }

  private static MatchKeys keys(MatchProfile p) {
    return MatchKeys.of(p.givenName(), p.familyName(), p.emails().stream().findFirst(),
        p.phones().stream().findFirst());
  }

  // ---- scans

  private static <R> List<R> readAll(Function<PageRequest, Page<R>> read, IntConsumer progress) {
    List<R> all = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
    while (true) {
      Page<R> p = read.apply(page);
      all.addAll(p.items());
      progress.accept(all.size());
      if (p.nextCursor().isEmpty()) {
        return all;
      }
      page = PageRequest.after(p.nextCursor().get(), PageRequest.MAX_SIZE);
    }
  }

  private <R, I> List<DuplicateCluster<I>> clusters(List<R> records,
      Function<R, MatchProfile> toProfile, Function<R, I> id, IntConsumer progress) {
    List<MatchProfile> profiles = records.stream().map(toProfile).toList();
    DuplicateMatcher m = policy.matcher().trainedOn(profiles);
    List<DuplicateMatcher.Pair> pairs = m.pairs(profiles, DuplicateMatcher.DEFAULT_MAX_BLOCK, progress);
    return clustersOf(records, pairs, id);
  }

  private static <R, I> List<DuplicateCluster<I>> clustersOf(List<R> records, List<DuplicateMatcher.Pair> pairs,
      Function<R, I> id) {
    List<List<Integer>> groups = Clusters.of(records.size(), pairs);
    int[] clusterOf = new int[records.size()];
    int[] position = new int[records.size()];
    java.util.Arrays.fill(clusterOf, -1);
    for (int g = 0; g < groups.size(); g++) {
      List<Integer> members = groups.get(g);
      for (int k = 0; k < members.size(); k++) {
        clusterOf[members.get(k)] = g;
        position[members.get(k)] = k;
      }
    }
    List<List<DuplicateCluster.Link>> links = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      links.add(new ArrayList<>());
    }
    for (DuplicateMatcher.Pair p : pairs) {
      links.get(clusterOf[p.first()]).add(new DuplicateCluster.Link(position[p.first()],
          position[p.second()], p.comparison()));
    }
    List<DuplicateCluster<I>> out = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      out.add(new DuplicateCluster<>(groups.get(g).stream().map(i -> id.apply(records.get(i))).toList(),
          links.get(g)));
    }
    return List.copyOf(out);
  }

  /** The policy at work on capture and creation. */
  private final class Screen implements RecordScreen {
    @Override
    public void screen(UnitOfWork uow, Object record) {
      List<? extends DuplicateMatch<?>> matches;
      String kind;
      String id;
      if (record instanceof Lead l) {
        matches = leads(uow, MatchProfile.of(l), keys(l), Optional.of(l.id()));
        kind = "lead";
        id = l.id().toString();
      } else if (record instanceof Contact c) {
        matches = contacts(uow, MatchProfile.of(c), keys(c), Optional.of(c.id()));
        kind = "contact";
        id = c.id().toString();
      } else if (record instanceof Account a) {
        matches = accounts(uow, a.name(), a.domain(), a.externalReference(), Optional.of(a.id()));
        kind = "account";
        id = a.id().toString();
      } else {
        return;
      }
      if (matches.isEmpty()) {
        return;
      }
      if (policy.mode() == DuplicatePolicy.Mode.REFUSE) {
        DuplicateMatch<?> best = matches.get(0);
        throw DuplicateException.likely(kind, best.id().toString(), best.comparison().matchedFields());
      }
      policy.listener().ifPresent(l -> l.accept(new DuplicateWarning(kind, id, List.copyOf(matches))));
    }
  }
}
