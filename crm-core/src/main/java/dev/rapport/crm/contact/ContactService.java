package dev.rapport.crm.contact;

import dev.rapport.crm.field.CustomFieldRepository;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.CustomFieldsChanged;
import dev.rapport.crm.field.RecordKind;
import static dev.rapport.crm.internal.MergeChecks.follow;
import static dev.rapport.crm.internal.MergeChecks.pick;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.RecordScreen;
import dev.rapport.crm.internal.context.Versioned;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Creates and maintains the contacts of one tenant. Reached through {@code crm.contacts()}.
 * Thread-safe; every command is stored whole or not at all.
 */
public final class ContactService {
  private final CrmContext ctx;
  private final long expectedVersion; // -1: any version
  private final Versioned<ContactId, Contact> versioned;

  /** Internal: obtain the service from {@code Crm.contacts()}. */
  ContactService(CrmContext ctx) {
    this(ctx, -1);
  }

  private ContactService(CrmContext ctx, long expectedVersion) {
    this.ctx = ctx;
    this.expectedVersion = expectedVersion;
    this.versioned = new Versioned<>(ctx, "contact", "contactId", (uow, id) -> uow.port(ContactRepository.class).find(id),
        (uow, x) -> uow.port(ContactRepository.class).update(x), Contact::version);
  }

  /**
   * A view of this service whose commands on an existing contact first check that it is still at
   * {@code version} (the version the caller read, e.g. shown in a form), and refuse with
   * {@link dev.rapport.crm.exception.ConcurrentUpdateException} when someone changed it since. Queries and
   * creation are unaffected.
   *
   * @throws ValidationException if the version is below 1
   */
  public ContactService ifVersion(long version) {
    return new ContactService(ctx, Check.expectedVersion(version));
  }

  private void checkVersion(Contact current) {
    versioned.checkVersion(current.id(), current, expectedVersion);
  }

  /**
   * Creates a contact. Raises {@link ContactCreated}, and {@link ContactConsentRecorded} when it comes with consent.
   *
   * @throws ValidationException if {@code contact} is null
   * @throws NotFoundException if it names an account the tenant does not have
   * @throws dev.rapport.crm.exception.DuplicateException if the {@code Crm}'s duplicate policy
   *     refuses likely duplicates and the tenant has one of this contact
   * @throws ValidationException if an address belongs to a person erased ({@code crm.privacy()};
   *     field {@code emails}) who was not allowed back
   */
  public Contact create(NewContact contact) {
    Check.notNull(contact, "contact");
    return ctx.command(cmd -> {
      contact.accountId.ifPresent(a -> requireAccount(cmd.uow(), a));
      Instant now = ctx.now();
      Contact c = new Contact(ContactId.of(ctx.ids().next()), ctx.tenant(), 0, contact.name,
          contact.accountId, contact.emails, contact.phones, contact.title, contact.consent,
          Optional.empty(), contact.owner, now, now, contact.fields());
      cmd.uow().port(CustomFieldRepository.class).check(RecordKind.CONTACT, CustomFields.empty(), c.fields());
      dev.rapport.crm.internal.context.ErasedPeople.of(ctx).refuseErased(cmd.uow(), c.emails(), "emails");
      ctx.screen().screen(cmd.uow(), c);
      Contact stored = cmd.uow().port(ContactRepository.class).insert(c);
      cmd.raise(new ContactCreated(ctx.tenant(), now, stored.id(), stored.accountId()));
      dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, dev.rapport.crm.field.RecordKind.CONTACT, stored.id().value(),
          dev.rapport.crm.field.CustomFields.empty(), stored.fields()).ifPresent(cmd::raise);
      stored.marketingConsent().ifPresent(given -> cmd.raise(new ContactConsentRecorded(ctx.tenant(), now,
          stored.id(), given.granted(), given.source(), given.recordedAt())));
      return stored;
    });
  }

  /** The most contacts one {@link #createAll} takes. */
  public static final int MAX_BATCH = 10_000;

  /**
   * Creates many contacts in one unit of work, e.g. an imported list: all of them are stored, or,
   * if any is refused, none. Raises one {@link ContactCreated} per contact (and {@link ContactConsentRecorded} for one with consent), in list order.
   *
   * @return the stored contacts, in list order
   * @throws ValidationException if the list is null, holds null, or holds more than
   *     {@value #MAX_BATCH} contacts
   * @throws NotFoundException if a contact names an account the tenant does not have
   * @throws dev.rapport.crm.exception.DuplicateException if the {@code Crm}'s duplicate policy
   *     refuses likely duplicates and the tenant (or the list before it) has one of a contact
   * @throws ValidationException if an address belongs to a person erased ({@code crm.privacy()};
   *     field {@code contacts.emails}) who was not allowed back; then none is stored
   */
  public List<Contact> createAll(List<NewContact> contacts) {
    Check.noNulls(contacts, "contacts");
    if (contacts.size() > MAX_BATCH) {
      throw new ValidationException("contacts", "must hold at most " + MAX_BATCH + " contacts");
    }
    List<NewContact> drafts = List.copyOf(contacts);
    return ctx.command(cmd -> {
      java.util.Set<AccountId> accounts = new java.util.LinkedHashSet<>();
      drafts.forEach(d -> d.accountId.ifPresent(accounts::add));
      if (!accounts.isEmpty()) {
        java.util.Set<AccountId> existing = cmd.uow().port(AccountRepository.class).existing(accounts);
        for (AccountId a : accounts) {
          if (!existing.contains(a)) {
            throw new NotFoundException("account", a);
          }
        }
      }
      dev.rapport.crm.internal.context.ErasedPeople.of(ctx).refuseErased(cmd.uow(),
          drafts.stream().flatMap(d -> d.emails.stream()).toList(), "contacts.emails");
      Instant now = ctx.now();
      List<Contact> stored = new java.util.ArrayList<>(drafts.size());
      List<dev.rapport.crm.field.CustomField> fields = cmd.uow().port(CustomFieldRepository.class).fields(RecordKind.CONTACT);
      for (int i = 0; i < drafts.size(); i++) {
        NewContact d = drafts.get(i);
        Contact c = new Contact(ContactId.of(ctx.ids().next()), ctx.tenant(), 0, d.name, d.accountId, d.emails,
            d.phones, d.title, d.consent, Optional.empty(), d.owner, now, now, d.fields());
        int at = i;
        Check.element("contacts", at, () -> {
          dev.rapport.crm.field.CustomField.check(fields, CustomFields.empty(), c.fields());
          return c;
        });
        ctx.screen().screen(cmd.uow(), c);
        Contact s = cmd.uow().port(ContactRepository.class).insert(c);
        cmd.raise(new ContactCreated(ctx.tenant(), now, s.id(), s.accountId()));
        dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, dev.rapport.crm.field.RecordKind.CONTACT, s.id().value(),
              dev.rapport.crm.field.CustomFields.empty(), s.fields()).ifPresent(cmd::raise);
        s.marketingConsent().ifPresent(given -> cmd.raise(new ContactConsentRecorded(ctx.tenant(), now, s.id(),
            given.granted(), given.source(), given.recordedAt())));
        stored.add(s);
      }
      return List.copyOf(stored);
    });
  }

  /**
   * The contacts having any of these e-mail addresses (ignoring case), each once, oldest first. One
   * query per 500 addresses on the JPA adapter.
   *
   * @throws ValidationException if the collection is null or holds a null or invalid address
   */
  public List<Contact> findByEmails(java.util.Collection<String> emails) {
    Check.noNulls(emails, "emails");
    java.util.Set<EmailAddress> addresses = new java.util.LinkedHashSet<>();
    for (String e : emails) {
      addresses.add(EmailAddress.of(e, "emails"));
    }
    return ctx.read(uow -> uow.port(ContactRepository.class).findByEmails(List.copyOf(addresses)));
  }

  /**
   * The contact with this id.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such contact
   */
  public Contact get(ContactId id) {
    Check.notNull(id, "contactId");
    return ctx.read(uow -> resolve(uow, id).orElseThrow(() -> new NotFoundException("contact", id)));
  }

  /**
   * The contact with this id, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<Contact> find(ContactId id) {
    Check.notNull(id, "contactId");
    return ctx.read(uow -> resolve(uow, id));
  }

  /** The contact, or the survivor it was merged into (following merges), or empty. */
  private static Optional<Contact> resolve(UnitOfWork uow, ContactId id) {
    ContactRepository repository = uow.port(ContactRepository.class);
    return follow(id, repository::find,
        at -> contactMerge(uow, at).map(m -> m.survivor().id()));
  }

  /**
   * The contacts with this e-mail address (ignoring case), oldest first.
   *
   * @throws ValidationException if the address is null or invalid
   */
  public List<Contact> findByEmail(String email) {
    EmailAddress e = EmailAddress.of(email);
    return ctx.read(uow -> uow.port(ContactRepository.class).findByEmail(e));
  }

  /**
   * A page of the account's contacts, oldest first.
   *
   * @throws ValidationException if an argument is null
   */
  public Page<Contact> byAccount(AccountId account, PageRequest page) {
    Check.notNull(account, "accountId");
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(ContactRepository.class).findByAccount(account, page));
  }

  /**
   * How many contacts the account has: as many as {@link #byAccount} returns over all its pages,
   * counted by the store in one statement (an unknown account has none).
   *
   * @throws ValidationException if the account is null
   */
  public long countByAccount(AccountId account) {
    Check.notNull(account, "accountId");
    return ctx.read(uow -> uow.port(ContactRepository.class).countByAccount(account));
  }

  /**
   * A page of all contacts, oldest first.
   *
   * @throws ValidationException if the request is null
   */
  public Page<Contact> list(PageRequest page) {
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(ContactRepository.class).list(page));
  }

  /**
   * Attaches the contact to an account.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the contact or the account does not exist
   * @throws ConcurrentUpdateException if the contact was changed concurrently
   */
  public Contact attachToAccount(ContactId id, AccountId account) {
    Check.notNull(account, "accountId");
    return change(id, (uow, c) -> {
      requireAccount(uow, account);
      return c.attachTo(account, ctx.now());
    });
  }

  /**
   * Adds an e-mail address (no change if the contact has it).
   *
   * @throws ValidationException if an argument is null or the address invalid
   * @throws NotFoundException if the contact does not exist
   * @throws ConcurrentUpdateException if the contact was changed concurrently
   */
  public Contact addEmail(ContactId id, String email) {
    EmailAddress e = EmailAddress.of(email);
    return change(id, (uow, c) -> c.addEmail(e, ctx.now()));
  }

  /**
   * Adds a phone number in international form (no change if the contact has it).
   *
   * @throws ValidationException if an argument is null or the number invalid
   * @throws NotFoundException if the contact does not exist
   * @throws ConcurrentUpdateException if the contact was changed concurrently
   */
  public Contact addPhone(ContactId id, String phone) {
    PhoneNumber p = PhoneNumber.of(phone);
    return change(id, (uow, c) -> c.addPhone(p, ctx.now()));
  }

  /**
   * Records that the contact gave or withdrew marketing consent now, through {@code source}.
   * Raises {@link ContactConsentRecorded}, which the contact's timeline shows.
   *
   * @throws ValidationException if an argument is null, or the source blank or over 200 characters
   * @throws NotFoundException if the contact does not exist
   * @throws ConcurrentUpdateException if the contact was changed concurrently
   */
  public Contact recordConsent(ContactId id, boolean granted, String source) {
    String kept = Check.text(source, "consent.source", Limits.TEXT);
    return versioned.change(id, expectedVersion,
        (uow, before, now) -> before.recordConsent(new MarketingConsent(granted, now, kept), now),
        (cmd, before, stored, now) -> stored.marketingConsent().ifPresent(c -> cmd.raise(new ContactConsentRecorded(
            ctx.tenant(), now, stored.id(), c.granted(), c.source(), c.recordedAt()))));
  }

  /**
   * Merges duplicates into a survivor, in one command: the survivor takes its fields as the plan
   * says ({@link ContactMergePlan.Field} documents the defaults); everything linked to a duplicate
   * (activities, tasks, campaign memberships, cases, feedback, opportunities, converted leads,
   * timeline entries) is linked to the survivor; the duplicates are deleted, and their ids lead to
   * the survivor in {@link #get} and {@link #find}. Raises {@link ContactsMerged}, which the
   * survivor's timeline shows. Undo with {@link #undoMerge} while the survivor is unchanged.
   *
   * @return the merge, with the survivor as stored
   * @throws ValidationException if the plan is null
   * @throws NotFoundException if the tenant has no contact with one of the plan's ids (also a
   *     contact already merged into another, or one of another tenant)
   * @throws ConcurrentUpdateException if the plan was made from contacts as read and one of them
   *     changed since, or one changes while the merge runs
   */
  public ContactMerge merge(ContactMergePlan plan) {
    Check.notNull(plan, "plan");
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      ContactRepository contacts = uow.port(ContactRepository.class);
      MergeRepository merges = uow.port(MergeRepository.class);
      Contact survivor = loadForMerge(contacts, plan, plan.survivor());
      List<Contact> duplicates = new java.util.ArrayList<>();
      for (ContactId id : plan.duplicates()) {
        duplicates.add(loadForMerge(contacts, plan, id));
      }
      Instant now = ctx.now();
      Contact next = merged(survivor, duplicates, plan, now);
      java.util.UUID mergeId = ctx.ids().next();
      for (Contact d : duplicates) {
        merges.moveLinks(mergeId, Merge.Kind.CONTACT, d.id().value(), survivor.id().value());
        merges.delete(d);
      }
      Contact stored = next.equals(survivor) ? survivor : contacts.update(next);
      ContactMerge merge = new ContactMerge(mergeId, ctx.tenant(), now, survivor, stored, duplicates,
          Optional.empty());
      merges.save(merge);
      cmd.raise(new ContactsMerged(ctx.tenant(), now, mergeId, survivor.id(), plan.duplicates()));
      return merge;
    });
  }

  /**
   * Undoes a merge: the merged contacts return as they were (at version 1: they are stored anew),
   * with everything that was linked to them; the survivor gets its fields as before the merge
   * (at its next version). Links made to the survivor after the merge stay with it. Raises
   * {@link ContactMergeUndone}.
   *
   * @return the merge, marked undone
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no merge with this id
   * @throws dev.rapport.crm.exception.IllegalTransitionException if the merge was undone already
   * @throws ConcurrentUpdateException if the survivor changed since the merge (or was merged
   *     itself): undo that change first
   */
  public ContactMerge undoMerge(java.util.UUID mergeId) {
    Check.notNull(mergeId, "mergeId");
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      ContactRepository contacts = uow.port(ContactRepository.class);
      MergeRepository merges = uow.port(MergeRepository.class);
      ContactMerge merge = merges.find(mergeId).filter(ContactMerge.class::isInstance).map(ContactMerge.class::cast)
          .orElseThrow(() -> new NotFoundException("merge", mergeId));
      if (merge.undone()) {
        throw new dev.rapport.crm.exception.IllegalTransitionException("merge", "UNDONE", "UNDO",
            "merge " + mergeId + " was undone already");
      }
      Contact survivor = merge.survivor();
      long now = contacts.find(survivor.id()).map(Contact::version).orElse(-1L);
      if (now != survivor.version()) {
        throw new ConcurrentUpdateException("contact", survivor.id(), survivor.version(), Math.max(0, now));
      }
      Instant at = ctx.now();
      Contact before = merge.survivorBefore();
      contacts.update(new Contact(survivor.id(), survivor.tenantId(), survivor.version(), before.name(),
          before.accountId(), before.emails(), before.phones(), before.title(), before.marketingConsent(),
          before.originLead(), before.owner(), before.createdAt(), at, before.fields()));
      for (Contact c : merge.merged()) {
        merges.restore(c);
      }
      merges.moveBack(mergeId);
      ContactMerge undone = merge.undoneAt(at);
      merges.save(undone);
      cmd.raise(new ContactMergeUndone(ctx.tenant(), at, mergeId, survivor.id(), merge.mergedIds()));
      return undone;
    });
  }

  /**
   * The merge with this id, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<ContactMerge> findMerge(java.util.UUID mergeId) {
    Check.notNull(mergeId, "mergeId");
    return ctx.read(uow -> uow.port(MergeRepository.class).find(mergeId)
        .filter(ContactMerge.class::isInstance).map(ContactMerge.class::cast));
  }

  /**
   * The merge, not undone, that merged this contact into another, or empty: where a merged id
   * leads, and what {@link #undoMerge} takes to bring it back.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<ContactMerge> mergeOf(ContactId merged) {
    Check.notNull(merged, "contactId");
    return ctx.read(uow -> contactMerge(uow, merged));
  }

  private static Optional<ContactMerge> contactMerge(UnitOfWork uow, ContactId merged) {
    return uow.port(MergeRepository.class).findByMerged(merged.value())
        .filter(ContactMerge.class::isInstance).map(ContactMerge.class::cast);
  }

  private Contact loadForMerge(ContactRepository contacts, ContactMergePlan plan, ContactId id) {
    Contact c = contacts.find(id).orElseThrow(() -> new NotFoundException("contact", id));
    java.util.OptionalLong read = plan.versionRead(id);
    if (read.isPresent() && read.getAsLong() != c.version()) {
      throw new ConcurrentUpdateException("contact", id, read.getAsLong(), c.version());
    }
    return c;
  }

  /** The survivor as the plan makes it from itself and the duplicates (equal to it if nothing changes). */
  static Contact merged(Contact survivor, List<Contact> duplicates, ContactMergePlan plan, Instant now) {
    List<Contact> all = new java.util.ArrayList<>();
    all.add(survivor);
    all.addAll(duplicates);
    java.util.function.Function<ContactMergePlan.Field, Optional<Contact>> chosen =
        f -> plan.choice(f).map(id -> all.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow());
    PersonName name = chosen.apply(ContactMergePlan.Field.NAME).map(Contact::name).orElse(survivor.name());
    Optional<AccountId> account = pick(all, chosen.apply(ContactMergePlan.Field.ACCOUNT), Contact::accountId);
    Optional<String> title = pick(all, chosen.apply(ContactMergePlan.Field.TITLE), Contact::title);
    Optional<String> owner = pick(all, chosen.apply(ContactMergePlan.Field.OWNER), Contact::owner);
    Optional<dev.rapport.crm.common.LeadId> origin = pick(all, Optional.empty(), Contact::originLead);
    List<EmailAddress> emails = joined(all, chosen.apply(ContactMergePlan.Field.PRIMARY_EMAIL),
        Contact::emails, Limits.EMAILS_PER_CONTACT);
    List<PhoneNumber> phones = joined(all, chosen.apply(ContactMergePlan.Field.PRIMARY_PHONE),
        Contact::phones, Limits.PHONES_PER_CONTACT);
    Optional<MarketingConsent> consent = chosen.apply(ContactMergePlan.Field.CONSENT)
        .map(Contact::marketingConsent)
        .orElseGet(() -> {
          Optional<MarketingConsent> latest = Optional.empty();
          for (Contact c : all) {
            if (c.marketingConsent().isPresent() && (latest.isEmpty()
                || c.marketingConsent().get().recordedAt().isAfter(latest.get().recordedAt()))) {
              latest = c.marketingConsent();
            }
          }
          return latest;
        });
    CustomFields fields = survivor.fields();
    for (Contact d : duplicates) {
      fields = fields.withGapsFilledFrom(d.fields());
    }
    Contact next = new Contact(survivor.id(), survivor.tenantId(), survivor.version(), name, account, emails,
        phones, title, consent, origin, owner, survivor.createdAt(), survivor.updatedAt(), fields);
    return next.equals(survivor) ? survivor : new Contact(survivor.id(), survivor.tenantId(), survivor.version(),
        name, account, emails, phones, title, consent, origin, owner, survivor.createdAt(), now, fields);
  }

  /** Every contact's values, each once, the chosen contact's first one leading, cut at {@code max}. */
  private static <T> List<T> joined(List<Contact> all, Optional<Contact> chosen,
      java.util.function.Function<Contact, List<T>> field, int max) {
    java.util.LinkedHashSet<T> values = new java.util.LinkedHashSet<>();
    chosen.flatMap(c -> field.apply(c).stream().findFirst()).ifPresent(values::add);
    for (Contact c : all) {
      values.addAll(field.apply(c));
    }
    return values.stream().limit(max).toList();
  }

  private static void requireAccount(UnitOfWork uow, AccountId id) {
    if (uow.port(AccountRepository.class).find(id).isEmpty()) {
      throw new NotFoundException("account", id);
    }
  }

  /**
   * Sets the contact's custom field values: these replace the ones it has (a key left out loses
   * its value). Checked against the tenant's contact fields: a new or changed value must belong to
   * a field not removed and fit it, every required field must have a value; a value of a removed
   * field may stay. Raises {@link CustomFieldsChanged} (none if nothing changes).
   *
   * @throws ValidationException if an argument is null, or (field {@code fields.<key>}) a value
   *     breaks its field's rules or a required field has none
   * @throws NotFoundException if the tenant has no such contact
   * @throws ConcurrentUpdateException if the contact was changed concurrently, or is not at the
   *     version given to {@link #ifVersion}
   */
  public Contact setFields(ContactId id, CustomFields fields) {
    Check.notNull(fields, "fields");
    return versioned.change(id, expectedVersion, (uow, before, now) -> {
      uow.port(CustomFieldRepository.class).check(RecordKind.CONTACT, before.fields(), fields);
      return before.withFields(fields, now);
    }, (cmd, before, after, now) -> cmd.raise(new CustomFieldsChanged(ctx.tenant(), now, RecordKind.CONTACT,
        after.id().value(), before.fields(), after.fields())));
  }

  private Contact change(ContactId id, BiFunction<UnitOfWork, Contact, Contact> transition) {
    return versioned.change(id, expectedVersion, (uow, before, now) -> transition.apply(uow, before),
        Versioned.Events.none());
  }

  /**
   * Deletes a contact, with what goes with it, in one unit of work: its addresses, its timeline, the
   * activities, tasks and logged messages that concern only it, and its campaign memberships. An
   * activity, task or message that concerns others too stays, without the contact. Service cases,
   * feedback answers and opportunities (as primary contact) that name it are the account's history
   * and are not taken along: while any exists the deletion is refused, naming how many of each
   * (delete them first, or erase the person, which keeps the history without the person). A lead
   * converted into the contact keeps its conversion as history. Under {@link #ifVersion} the contact
   * must still be at that version. Raises {@link ContactDeleted}.
   *
   * @return the event, with how much went with the contact
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such contact (also one merged into another)
   * @throws dev.rapport.crm.exception.IllegalTransitionException if cases, feedback or opportunities
   *     name it (naming how many of each)
   * @throws ConcurrentUpdateException if the contact is not at the version given to {@link #ifVersion},
   *     or was changed concurrently
   */
  public ContactDeleted delete(ContactId id) {
    Check.notNull(id, "contactId");
    return ctx.command(cmd -> {
      Contact contact = versioned.load(cmd.uow(), id);
      checkVersion(contact);
      dev.rapport.crm.internal.context.Cascade.Removed removed = ctx.setting(dev.rapport.crm.internal.context.Cascade.class).removeUnlessNamed(cmd,
          dev.rapport.crm.internal.context.Cascade.Subject.CONTACT, id.value());
      cmd.uow().port(ContactRepository.class).delete(contact);
      ContactDeleted event = new ContactDeleted(ctx.tenant(), ctx.now(), id, contact.accountId(), removed.activities(),
          removed.tasks(), removed.memberships(), removed.mails());
      cmd.raise(event);
      return event;
    });
  }
}
