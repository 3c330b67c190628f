package dev.rapport.crm.memory;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.MatchKeys;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The contacts of one unit of work, in the tenant's contacts table. */
final class MemoryContacts implements ContactRepository {
  static final Kind<ContactId, Contact> KIND = new Kind<>("contact", Contact::id,
      Contact::version, Versions.of(Contact.class)::with, Contact::tenantId, ContactId::parse,
      List.of(
          new Kind.IndexDef<>(Kinds.EMAIL, c -> c.emails().stream().map(EmailAddress::normalized).toList()),
          new Kind.IndexDef<>(Kinds.MATCH, c -> Kinds.matchKeys(MatchKeys.of(c.name(), c.emails(), c.phones()))),
          new Kind.IndexDef<>(Kinds.GRAM, c -> dev.rapport.crm.search.SearchText.of(c).grams()),
          new Kind.IndexDef<>(Kinds.ACCOUNT, c -> c.accountId().stream().toList())),
      Optional.empty());

  private final MemoryUnitOfWork uow;
  private Buffer<ContactId, Contact> buffer;

  MemoryContacts(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  /** Made on first use: a unit that only reads other kinds needs none. */
  Buffer<ContactId, Contact> buffer() {
  if (buffer == null) {
    buffer = uow.buffer(uow.store().contacts);
  }
  return buffer;
  }

  @Override
  public Optional<Contact> find(ContactId id) {
    uow.requireOpen();
    return buffer().find(id);
  }

  @Override
  public List<Contact> findAll(java.util.Collection<ContactId> ids) {
    uow.requireOpen();
    return buffer().findAll(ids);
  }

  @Override
  public List<Contact> findByMatchKeys(MatchKeys keys, int limit) {
    uow.requireOpen();
    Objects.requireNonNull(keys, "keys");
    return Kinds.byMatchKeys(keys, limit, key -> buffer().lookup(Kinds.MATCH, key), Contact::id);
  }

  @Override
  public List<Contact> findByEmail(EmailAddress email) {
    uow.requireOpen();
    Objects.requireNonNull(email, "email");
    return buffer().lookup(Kinds.EMAIL, email.normalized());
  }

  @Override
  public Page<Contact> findByAccount(AccountId account, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    Optional<AccountId> wanted = Optional.of(account);
    return buffer().page(List.of(Buffer.keys(Kinds.ACCOUNT, List.of(account))),
        c -> c.accountId().equals(wanted), page);
  }

  @Override
  public long countByAccount(AccountId account) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    Optional<AccountId> wanted = Optional.of(account);
    return buffer().count(List.of(Buffer.keys(Kinds.ACCOUNT, List.of(account))), c -> c.accountId().equals(wanted));
  }

  @Override
  public Page<Contact> list(PageRequest page) {
    uow.requireOpen();
    return buffer().page(List.of(), c -> true, page);
  }

  @Override
  public Contact insert(Contact contact) {
    uow.requireOpen();
    return buffer().insert(contact);
  }

  @Override
  public Contact update(Contact contact) {
    uow.requireOpen();
    return buffer().update(contact);
  }

  @Override
  public void delete(Contact contact) {
    uow.requireOpen();
    buffer().delete(java.util.Objects.requireNonNull(contact, "contact"));
  }
}
