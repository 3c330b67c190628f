package dev.rapport.crm.memory;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.spi.AccountRepository;
import dev.rapport.crm.spi.ContactRepository;
import dev.rapport.crm.spi.LeadRepository;
import dev.rapport.crm.spi.OpportunityRepository;
import dev.rapport.crm.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * A unit of work of one tenant on the in-memory store: reads see the committed state plus the
 * unit's own writes; writes are buffered and applied by {@link #commit()} all at once, under the
 * tenant's write lock, after the version and uniqueness checks. Valid only while its work runs;
 * not thread-safe.
 */
final class MemoryUnitOfWork implements UnitOfWork {
  private final TenantStore store;
  // Made on first use: most units touch one or two kinds, and a read-only one needs no buffers.
  private Buffer<LeadId, Lead> leadBuffer;
  private Buffer<ContactId, Contact> contactBuffer;
  private Buffer<AccountId, Account> accountBuffer;
  private Buffer<OpportunityId, Opportunity> opportunityBuffer;
  private final Leads leads = new Leads();
  private final Contacts contacts = new Contacts();
  private final Accounts accounts = new Accounts();
  private final Opportunities opportunities = new Opportunities();
  private boolean open = true;

  MemoryUnitOfWork(TenantStore store) {
    this.store = store;
  }

  /** Ends the unit without storing anything. */
  void discard() {
    open = false;
  }

  /**
   * Checks every buffered write against the committed state and, if all pass, applies them
   * together; if one fails, applies nothing and throws.
   */
  void commit() {
    open = false;
    List<Buffer<?, ?>> written = new ArrayList<>(4);
    for (Buffer<?, ?> b : Arrays.asList(leadBuffer, contactBuffer, accountBuffer, opportunityBuffer)) {
      if (b != null && !b.isEmpty()) {
        written.add(b);
      }
    }
    if (written.isEmpty()) {
      return; // a read-only unit: nothing to check or apply, so no write lock to wait for
    }
    Lock write = store.lock.writeLock();
    write.lock();
    try {
      for (Buffer<?, ?> b : written) {
        b.validate();
      }
      for (Buffer<?, ?> b : written) {
        b.apply();
      }
    } finally {
      write.unlock();
    }
  }

  private Buffer<LeadId, Lead> leadBuffer() {
    if (leadBuffer == null) {
      leadBuffer = new Buffer<>(store.leads, store.tenant, store.lock.readLock());
    }
    return leadBuffer;
  }

  private Buffer<ContactId, Contact> contactBuffer() {
    if (contactBuffer == null) {
      contactBuffer = new Buffer<>(store.contacts, store.tenant, store.lock.readLock());
    }
    return contactBuffer;
  }

  private Buffer<AccountId, Account> accountBuffer() {
    if (accountBuffer == null) {
      accountBuffer = new Buffer<>(store.accounts, store.tenant, store.lock.readLock());
    }
    return accountBuffer;
  }

  private Buffer<OpportunityId, Opportunity> opportunityBuffer() {
    if (opportunityBuffer == null) {
      opportunityBuffer = new Buffer<>(store.opportunities, store.tenant, store.lock.readLock());
    }
    return opportunityBuffer;
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException("the unit of work has ended");
    }
  }

  @Override
  public TenantId tenant() {
    return store.tenant;
  }

  @Override
  public LeadRepository leads() {
    requireOpen();
    return leads;
  }

  @Override
  public ContactRepository contacts() {
    requireOpen();
    return contacts;
  }

  @Override
  public AccountRepository accounts() {
    requireOpen();
    return accounts;
  }

  @Override
  public OpportunityRepository opportunities() {
    requireOpen();
    return opportunities;
  }

  @Override
  public void recordEvents(List<CrmEvent> events) {
    requireOpen();
    Objects.requireNonNull(events, "events"); // no outbox: the core delivers them after commit
  }

  private static List<Buffer.IndexKey> keys(String index, Collection<?> values) {
    List<Buffer.IndexKey> keys = new ArrayList<>(values.size());
    for (Object v : values) {
      keys.add(new Buffer.IndexKey(index, v));
    }
    return keys;
  }

  private final class Leads implements LeadRepository {
    @Override
    public Optional<Lead> find(LeadId id) {
      requireOpen();
      return leadBuffer().find(id);
    }

    @Override
    public List<Lead> findByEmail(EmailAddress email) {
      requireOpen();
      Objects.requireNonNull(email, "email");
      return leadBuffer().lookup(Kinds.EMAIL, email.normalized());
    }

    @Override
    public Page<Lead> query(LeadQuery query, PageRequest page) {
      requireOpen();
      Objects.requireNonNull(query, "query");
      List<List<Buffer.IndexKey>> candidates = new ArrayList<>();
      candidates.add(keys(Kinds.STATUS, query.statuses()));
      candidates.add(keys(Kinds.TEMPERATURE, query.temperatures()));
      candidates.add(keys(Kinds.SOURCE, query.sources()));
      candidates.add(keys(Kinds.OWNER, query.owner().stream().toList()));
      return leadBuffer().page(candidates, query::matches, page);
    }

    @Override
    public Lead insert(Lead lead) {
      requireOpen();
      return leadBuffer().insert(lead);
    }

    @Override
    public Lead update(Lead lead) {
      requireOpen();
      return leadBuffer().update(lead);
    }
  }

  private final class Contacts implements ContactRepository {
    @Override
    public Optional<Contact> find(ContactId id) {
      requireOpen();
      return contactBuffer().find(id);
    }

    @Override
    public List<Contact> findByEmail(EmailAddress email) {
      requireOpen();
      Objects.requireNonNull(email, "email");
      return contactBuffer().lookup(Kinds.EMAIL, email.normalized());
    }

    @Override
    public Page<Contact> findByAccount(AccountId account, PageRequest page) {
      requireOpen();
      Objects.requireNonNull(account, "account");
      Optional<AccountId> wanted = Optional.of(account);
      return contactBuffer().page(List.of(keys(Kinds.ACCOUNT, List.of(account))),
          c -> c.accountId().equals(wanted), page);
    }

    @Override
    public Page<Contact> list(PageRequest page) {
      requireOpen();
      return contactBuffer().page(List.of(), c -> true, page);
    }

    @Override
    public Contact insert(Contact contact) {
      requireOpen();
      return contactBuffer().insert(contact);
    }

    @Override
    public Contact update(Contact contact) {
      requireOpen();
      return contactBuffer().update(contact);
    }
  }

  private final class Accounts implements AccountRepository {
    @Override
    public Optional<Account> find(AccountId id) {
      requireOpen();
      return accountBuffer().find(id);
    }

    @Override
    public List<Account> findByNameKey(String nameKey) {
      requireOpen();
      return accountBuffer().lookup(Kinds.NAME_KEY, Objects.requireNonNull(nameKey, "nameKey"));
    }

    @Override
    public List<Account> findByDomain(String domain) {
      requireOpen();
      return accountBuffer().lookup(Kinds.DOMAIN, Objects.requireNonNull(domain, "domain"));
    }

    @Override
    public Optional<Account> findByExternalReference(String externalReference) {
      requireOpen();
      return accountBuffer().lookup(Kinds.EXTERNAL_REFERENCE,
          Objects.requireNonNull(externalReference, "externalReference")).stream().findFirst();
    }

    @Override
    public Page<Account> list(PageRequest page) {
      requireOpen();
      return accountBuffer().page(List.of(), a -> true, page);
    }

    @Override
    public Account insert(Account account) {
      requireOpen();
      return accountBuffer().insert(account);
    }

    @Override
    public Account update(Account account) {
      requireOpen();
      return accountBuffer().update(account);
    }
  }

  private final class Opportunities implements OpportunityRepository {
    @Override
    public Optional<Opportunity> find(OpportunityId id) {
      requireOpen();
      return opportunityBuffer().find(id);
    }

    @Override
    public Page<Opportunity> query(OpportunityQuery query, PageRequest page) {
      requireOpen();
      Objects.requireNonNull(query, "query");
      List<List<Buffer.IndexKey>> candidates = new ArrayList<>();
      candidates.add(keys(Kinds.STATUS, query.statuses()));
      candidates.add(keys(Kinds.STAGE, query.stages()));
      candidates.add(keys(Kinds.ACCOUNT, query.accountId().stream().toList()));
      candidates.add(keys(Kinds.OWNER, query.owner().stream().toList()));
      return opportunityBuffer().page(candidates, query::matches, page);
    }

    @Override
    public Opportunity insert(Opportunity opportunity) {
      requireOpen();
      return opportunityBuffer().insert(opportunity);
    }

    @Override
    public Opportunity update(Opportunity opportunity) {
      requireOpen();
      return opportunityBuffer().update(opportunity);
    }
  }
}
