package dev.rapport.crm.contact;

import dev.rapport.crm.field.CustomFieldRepository;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.CustomFieldsChanged;
import dev.rapport.crm.field.RecordKind;
import static dev.rapport.crm.internal.MergeChecks.follow;
import static dev.rapport.crm.internal.MergeChecks.pick;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.Versioned;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Creates and maintains the accounts of one tenant. Reached through {@code crm.accounts()}.
 * Thread-safe; every command is stored whole or not at all.
 */
public final class AccountService {
  private final CrmContext ctx;
  private final long expectedVersion; // -1: any version
  private final Versioned<AccountId, Account> versioned;

  /** Internal: obtain the service from {@code Crm.accounts()}. */
  AccountService(CrmContext ctx) {
    this(ctx, -1);
  }

  private AccountService(CrmContext ctx, long expectedVersion) {
    this.ctx = ctx;
    this.expectedVersion = expectedVersion;
    this.versioned = new Versioned<>(ctx, "account", "accountId", (uow, id) -> uow.port(AccountRepository.class).find(id),
        (uow, x) -> uow.port(AccountRepository.class).update(x), Account::version);
  }

  /**
   * A view of this service whose commands on an existing account first check that it is still at
   * {@code version} (the version the caller read, e.g. shown in a form), and refuse with
   * {@link dev.rapport.crm.exception.ConcurrentUpdateException} when someone changed it since. Queries and
   * creation are unaffected.
   *
   * @throws ValidationException if the version is below 1
   */
  public AccountService ifVersion(long version) {
    return new AccountService(ctx, Check.expectedVersion(version));
  }

  private void checkVersion(Account current) {
    versioned.checkVersion(current.id(), current, expectedVersion);
  }

  /**
   * Creates an account. Raises {@link AccountCreated}.
   *
   * @throws ValidationException if {@code account} is null
   * @throws DuplicateException if its external reference is taken by another account, or the
   *     {@code Crm}'s duplicate policy refuses likely duplicates and the tenant has one of it
   */
  public Account create(NewAccount account) {
    Check.notNull(account, "account");
    return ctx.command(cmd -> {
      account.externalReference.ifPresent(ref -> requireFree(cmd.uow(), ref, null));
      Instant now = ctx.now();
      Account a = new Account(AccountId.of(ctx.ids().next()), ctx.tenant(), 0, account.name,
          account.domain, account.externalReference, account.industry, account.owner, now, now, account.fields());
      cmd.uow().port(CustomFieldRepository.class).check(RecordKind.ACCOUNT, CustomFields.empty(), a.fields());
      ctx.screen().screen(cmd.uow(), a);
      Account stored = cmd.uow().port(AccountRepository.class).insert(a);
      cmd.raise(new AccountCreated(ctx.tenant(), now, stored.id(), stored.name()));
      dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, dev.rapport.crm.field.RecordKind.ACCOUNT, stored.id().value(),
          dev.rapport.crm.field.CustomFields.empty(), stored.fields()).ifPresent(cmd::raise);
      return stored;
    });
  }

  /** The most accounts one {@link #createAll} takes. */
  public static final int MAX_BATCH = 10_000;

  /**
   * Creates many accounts in one unit of work, e.g. a customer list: all of them are stored, or,
   * if any is refused, none. Raises one {@link AccountCreated} per account, in list order.
   *
   * @return the stored accounts, in list order
   * @throws ValidationException if the list is null, holds null, or holds more than
   *     {@value #MAX_BATCH} accounts
   * @throws DuplicateException if an external reference is taken by a stored account or given
   *     twice in the list, or the {@code Crm}'s duplicate policy refuses likely duplicates and the
   *     tenant (or the list before it) has one of an account
   */
  public List<Account> createAll(List<NewAccount> accounts) {
    Check.noNulls(accounts, "accounts");
    if (accounts.size() > MAX_BATCH) {
      throw new ValidationException("accounts", "must hold at most " + MAX_BATCH + " accounts");
    }
    List<NewAccount> drafts = List.copyOf(accounts);
    return ctx.command(cmd -> {
      java.util.Set<String> refs = new java.util.HashSet<>();
      for (NewAccount d : drafts) {
        if (d.externalReference.isPresent() && !refs.add(d.externalReference.get())) {
          throw new DuplicateException("account", "externalReference", d.externalReference.get());
        }
      }
      if (!refs.isEmpty()) {
        cmd.uow().port(AccountRepository.class).findByExternalReferences(refs).keySet().stream().findFirst()
            .ifPresent(ref -> {
              throw new DuplicateException("account", "externalReference", ref);
            });
      }
      Instant now = ctx.now();
      List<Account> stored = new java.util.ArrayList<>(drafts.size());
      List<dev.rapport.crm.field.CustomField> fields = cmd.uow().port(CustomFieldRepository.class).fields(RecordKind.ACCOUNT);
      for (int i = 0; i < drafts.size(); i++) {
        NewAccount d = drafts.get(i);
        Account a = new Account(AccountId.of(ctx.ids().next()), ctx.tenant(), 0, d.name, d.domain,
            d.externalReference, d.industry, d.owner, now, now, d.fields());
        int at = i;
        Check.element("accounts", at, () -> {
          dev.rapport.crm.field.CustomField.check(fields, CustomFields.empty(), a.fields());
          return a;
        });
        ctx.screen().screen(cmd.uow(), a);
        Account s = cmd.uow().port(AccountRepository.class).insert(a);
        cmd.raise(new AccountCreated(ctx.tenant(), now, s.id(), s.name()));
        dev.rapport.crm.field.CustomFieldsChanged.between(ctx.tenant(), now, dev.rapport.crm.field.RecordKind.ACCOUNT, s.id().value(),
              dev.rapport.crm.field.CustomFields.empty(), s.fields()).ifPresent(cmd::raise);
        stored.add(s);
      }
      return List.copyOf(stored);
    });
  }

  /**
   * The accounts the host knows by these keys (e.g. its customer numbers), by key (as {@link
   * #findByExternalReference} reads it: without surrounding blanks); keys no account has are left
   * out. One query per 500 keys on the JPA adapter.
   *
   * @throws ValidationException if the collection is null or holds a null, blank or over-long key
   */
  public java.util.Map<String, Account> findByExternalReferences(java.util.Collection<String> externalReferences) {
    Check.noNulls(externalReferences, "externalReferences");
    java.util.Set<String> checked = new java.util.LinkedHashSet<>();
    for (String r : externalReferences) {
      checked.add(Check.text(r, "externalReferences", Account.MAX_TEXT));
    }
    List<String> refs = List.copyOf(checked);
    return ctx.read(uow -> {
      java.util.Map<String, Account> found = new java.util.LinkedHashMap<>(
          uow.port(AccountRepository.class).findByExternalReferences(refs));
      List<String> missing = refs.stream().filter(r -> !found.containsKey(r)).toList();
      if (!missing.isEmpty()) {
        uow.port(MergeRepository.class).findByMergedReferences(missing).forEach((ref, merge) ->
            resolve(uow, AccountId.of(merge.survivorKey())).ifPresent(a -> found.put(ref, a)));
      }
      return java.util.Collections.unmodifiableMap(found);
    });
  }

  /**
   * The account with this id.
   *
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no such account
   */
  public Account get(AccountId id) {
    Check.notNull(id, "accountId");
    return ctx.read(uow -> resolve(uow, id).orElseThrow(() -> new NotFoundException("account", id)));
  }

  /**
   * The account with this id, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<Account> find(AccountId id) {
    Check.notNull(id, "accountId");
    return ctx.read(uow -> resolve(uow, id));
  }

  /**
   * The account the host knows by this key, e.g. its customer number.
   *
   * @throws ValidationException if the reference is null or blank
   */
  public Optional<Account> findByExternalReference(String externalReference) {
    String ref = Check.text(externalReference, "externalReference", Account.MAX_TEXT);
    return ctx.read(uow -> {
      Optional<Account> found = uow.port(AccountRepository.class).findByExternalReference(ref);
      if (found.isPresent()) {
        return found;
      }
      Merge merge = uow.port(MergeRepository.class).findByMergedReferences(List.of(ref)).get(ref);
      return merge == null ? Optional.empty() : resolve(uow, AccountId.of(merge.survivorKey()));
    });
  }

  /** The account, or the survivor it was merged into (following merges), or empty. */
  private static Optional<Account> resolve(UnitOfWork uow, AccountId id) {
    AccountRepository repository = uow.port(AccountRepository.class);
    return follow(id, repository::find,
        at -> accountMerge(uow, at).map(m -> m.survivor().id()));
  }

  private static Optional<AccountMerge> accountMerge(UnitOfWork uow, AccountId merged) {
    return uow.port(MergeRepository.class).findByMerged(merged.value())
        .filter(AccountMerge.class::isInstance).map(AccountMerge.class::cast);
  }

  /**
   * Merges duplicate accounts into a survivor, in one command: the survivor takes its fields as
   * the plan says ({@link AccountMergePlan.Field}: default the survivor's value, else the first
   * duplicate's that has one); everything linked to a duplicate (contacts, activities, tasks, cases,
   * feedback, opportunities, converted leads, sales, payments, the payer class where the survivor
   * has none, timeline entries) is linked to the survivor; the duplicates are deleted, and their
   * ids and external references lead to the survivor in {@link #get}, {@link #find},
   * {@link #findByExternalReference} and {@link #findByExternalReferences} (so importing the
   * ledger's customers again stores no duplicate). Raises {@link AccountsMerged}. Undo with
   * {@link #undoMerge} while the survivor is unchanged.
   *
   * @return the merge, with the survivor as stored
   * @throws ValidationException if the plan is null
   * @throws NotFoundException if the tenant has no account with one of the plan's ids (also an
   *     account already merged into another, or one of another tenant)
   * @throws ConcurrentUpdateException if the plan was made from accounts as read and one of them
   *     changed since, or one changes while the merge runs
   */
  public AccountMerge merge(AccountMergePlan plan) {
    Check.notNull(plan, "plan");
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      AccountRepository accounts = uow.port(AccountRepository.class);
      MergeRepository merges = uow.port(MergeRepository.class);
      Account survivor = loadForMerge(accounts, plan, plan.survivor());
      List<Account> duplicates = new java.util.ArrayList<>();
      for (AccountId id : plan.duplicates()) {
        duplicates.add(loadForMerge(accounts, plan, id));
      }
      Instant now = ctx.now();
      Account next = merged(survivor, duplicates, plan, now);
      java.util.UUID mergeId = ctx.ids().next();
      for (Account d : duplicates) {
        merges.moveLinks(mergeId, Merge.Kind.ACCOUNT, d.id().value(), survivor.id().value());
        merges.delete(d);
      }
      Account stored = next.equals(survivor) ? survivor : accounts.update(next);
      AccountMerge merge = new AccountMerge(mergeId, ctx.tenant(), now, survivor, stored, duplicates, Optional.empty());
      merges.save(merge);
      cmd.raise(new AccountsMerged(ctx.tenant(), now, mergeId, survivor.id(), plan.duplicates()));
      return merge;
    });
  }

  /**
   * Undoes a merge of accounts: the merged accounts return as they were (at version 1: they are
   * stored anew), with everything that was linked to them; the survivor gets its fields as before
   * the merge (at its next version). Links made to the survivor after the merge stay with it.
   * Raises {@link AccountMergeUndone}.
   *
   * @return the merge, marked undone
   * @throws ValidationException if the id is null
   * @throws NotFoundException if the tenant has no merge of accounts with this id
   * @throws dev.rapport.crm.exception.IllegalTransitionException if the merge was undone already
   * @throws ConcurrentUpdateException if the survivor changed since the merge (or was merged
   *     itself): undo that change first
   */
  public AccountMerge undoMerge(java.util.UUID mergeId) {
    Check.notNull(mergeId, "mergeId");
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      AccountRepository accounts = uow.port(AccountRepository.class);
      MergeRepository merges = uow.port(MergeRepository.class);
      AccountMerge merge = merges.find(mergeId).filter(AccountMerge.class::isInstance).map(AccountMerge.class::cast)
          .orElseThrow(() -> new NotFoundException("merge", mergeId));
      if (merge.undone()) {
        throw new dev.rapport.crm.exception.IllegalTransitionException("merge", "UNDONE", "UNDO",
            "merge " + mergeId + " was undone already");
      }
      Account survivor = merge.survivor();
      long current = accounts.find(survivor.id()).map(Account::version).orElse(-1L);
      if (current != survivor.version()) {
        throw new ConcurrentUpdateException("account", survivor.id(), survivor.version(), Math.max(0, current));
      }
      Instant at = ctx.now();
      Account before = merge.survivorBefore();
      accounts.update(new Account(survivor.id(), survivor.tenantId(), survivor.version(), before.name(),
          before.domain(), before.externalReference(), before.industry(), before.owner(), before.createdAt(), at,
          before.fields()));
      for (Account a : merge.merged()) {
        merges.restore(a);
      }
      merges.moveBack(mergeId);
      AccountMerge undone = merge.undoneAt(at);
      merges.save(undone);
      cmd.raise(new AccountMergeUndone(ctx.tenant(), at, mergeId, survivor.id(), merge.mergedIds()));
      return undone;
    });
  }

  /**
   * The merge of accounts with this id, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<AccountMerge> findMerge(java.util.UUID mergeId) {
    Check.notNull(mergeId, "mergeId");
    return ctx.read(uow -> uow.port(MergeRepository.class).find(mergeId)
        .filter(AccountMerge.class::isInstance).map(AccountMerge.class::cast));
  }

  /**
   * The merge, not undone, that merged this account into another, or empty.
   *
   * @throws ValidationException if the id is null
   */
  public Optional<AccountMerge> mergeOf(AccountId merged) {
    Check.notNull(merged, "accountId");
    return ctx.read(uow -> accountMerge(uow, merged));
  }

  private static Account loadForMerge(AccountRepository accounts, AccountMergePlan plan, AccountId id) {
    Account a = accounts.find(id).orElseThrow(() -> new NotFoundException("account", id));
    java.util.OptionalLong read = plan.versionRead(id);
    if (read.isPresent() && read.getAsLong() != a.version()) {
      throw new ConcurrentUpdateException("account", id, read.getAsLong(), a.version());
    }
    return a;
  }

  /** The survivor as the plan makes it from itself and the duplicates (equal to it if nothing changes). */
  static Account merged(Account survivor, List<Account> duplicates, AccountMergePlan plan, Instant now) {
    List<Account> all = new java.util.ArrayList<>();
    all.add(survivor);
    all.addAll(duplicates);
    java.util.function.Function<AccountMergePlan.Field, Optional<Account>> chosen =
        f -> plan.choice(f).map(id -> all.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow());
    String name = chosen.apply(AccountMergePlan.Field.NAME).map(Account::name).orElse(survivor.name());
    Optional<String> domain = pick(all, chosen.apply(AccountMergePlan.Field.DOMAIN), Account::domain);
    Optional<String> reference = pick(all, chosen.apply(AccountMergePlan.Field.EXTERNAL_REFERENCE),
        Account::externalReference);
    Optional<dev.rapport.crm.common.Industry> industry = pick(all, chosen.apply(AccountMergePlan.Field.INDUSTRY),
        Account::industry);
    Optional<String> owner = pick(all, chosen.apply(AccountMergePlan.Field.OWNER), Account::owner);
    CustomFields fields = survivor.fields();
    for (Account d : duplicates) {
      fields = fields.withGapsFilledFrom(d.fields());
    }
    Account next = new Account(survivor.id(), survivor.tenantId(), survivor.version(), name, domain, reference,
        industry, owner, survivor.createdAt(), survivor.updatedAt(), fields);
    return next.equals(survivor) ? survivor : new Account(survivor.id(), survivor.tenantId(), survivor.version(),
        name, domain, reference, industry, owner, survivor.createdAt(), now, fields);
  }

  /**
   * The accounts whose name matches, ignoring case, accents and punctuation; oldest first.
   *
   * @throws ValidationException if the name is null or blank
   */
  public List<Account> findByName(String name) {
    String key = Account.nameKey(Check.text(name, "name", Account.MAX_TEXT));
    return ctx.read(uow -> uow.port(AccountRepository.class).findByNameKey(key));
  }

  /**
   * A page of all accounts, oldest first.
   *
   * @throws ValidationException if the request is null
   */
  public Page<Account> list(PageRequest page) {
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(AccountRepository.class).list(page));
  }

  /**
   * A page of the accounts of one industry, oldest first.
   *
   * @throws ValidationException if an argument is null
   */
  public Page<Account> listByIndustry(dev.rapport.crm.common.Industry industry, PageRequest page) {
    Check.notNull(industry, "industry");
    Check.notNull(page, "page");
    return ctx.read(uow -> uow.port(AccountRepository.class).byIndustry(industry, page));
  }

  /**
   * How many accounts are of one industry: as many as walking every page of {@link #listByIndustry}
   * returns, in one statement on JPA.
   *
   * @throws ValidationException if the industry is null
   */
  public long countByIndustry(dev.rapport.crm.common.Industry industry) {
    Check.notNull(industry, "industry");
    return ctx.read(uow -> uow.port(AccountRepository.class).countByIndustry(industry));
  }

  /**
   * Links the host's own key (e.g. its customer number) to the account.
   *
   * @throws ValidationException if an argument is null, or the reference blank or over 200 characters
   * @throws NotFoundException if the tenant has no such account
   * @throws DuplicateException if another account of the tenant has the reference
   * @throws ConcurrentUpdateException if the account was changed concurrently
   */
  public Account linkExternalReference(AccountId id, String externalReference) {
    String ref = Check.text(externalReference, "externalReference", Account.MAX_TEXT);
    return change(id, (uow, a) -> {
      requireFree(uow, ref, id);
      return a.withExternalReference(ref, ctx.now());
    });
  }

  /**
   * Renames the account.
   *
   * @throws ValidationException if an argument is null, or the name blank or over 200 characters
   * @throws NotFoundException if the tenant has no such account
   * @throws ConcurrentUpdateException if the account was changed concurrently
   */
  public Account rename(AccountId id, String name) {
    Check.text(name, "name", Account.MAX_TEXT);
    return change(id, (uow, a) -> a.rename(name, ctx.now()));
  }

  /**
   * Sets the industry the account works in.
   *
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the tenant has no such account
   * @throws ConcurrentUpdateException if the account was changed concurrently, or is not at the
   *     version given to {@link #ifVersion}
   */
  public Account changeIndustry(AccountId id, dev.rapport.crm.common.Industry industry) {
    Check.notNull(industry, "industry");
    return change(id, (uow, a) -> a.withIndustry(industry, ctx.now()));
  }

  /**
   * Sets the account's custom field values: these replace the ones it has (a key left out loses its
   * value). Checked against the tenant's account fields: a new or changed value must belong to a
   * field not removed and fit it, every required field must have a value; a value of a removed
   * field may stay. Raises {@link CustomFieldsChanged} (none if nothing changes).
   *
   * @throws ValidationException if an argument is null, or (field {@code fields.<key>}) a value
   *     breaks its field's rules or a required field has none
   * @throws NotFoundException if the tenant has no such account
   * @throws ConcurrentUpdateException if the account was changed concurrently, or is not at the
   *     version given to {@link #ifVersion}
   */
  public Account setFields(AccountId id, CustomFields fields) {
    Check.notNull(fields, "fields");
    return versioned.change(id, expectedVersion, (uow, before, now) -> {
      uow.port(CustomFieldRepository.class).check(RecordKind.ACCOUNT, before.fields(), fields);
      return before.withFields(fields, now);
    }, (cmd, before, after, now) -> cmd.raise(new CustomFieldsChanged(ctx.tenant(), now, RecordKind.ACCOUNT,
        after.id().value(), before.fields(), after.fields())));
  }

  private void requireFree(UnitOfWork uow, String ref, AccountId self) {
    uow.port(AccountRepository.class).findByExternalReference(ref).filter(a -> !a.id().equals(self)).ifPresent(a -> {
      throw new DuplicateException("account", "externalReference", ref);
    });
  }

  private Account change(AccountId id, BiFunction<UnitOfWork, Account, Account> transition) {
    return versioned.change(id, expectedVersion, (uow, before, now) -> transition.apply(uow, before),
        Versioned.Events.none());
  }

  /**
   * Deletes an account, with what goes with it, in one unit of work: its timeline, its payer class,
   * and the activities, tasks and logged messages that concern only it (what concerns others too
   * stays, without it). Contacts, opportunities, service cases, feedback answers, sales and payments
   * that name it are refused, naming how many of each: delete them first (sales and payments are
   * the customer's history; where the host's ledger keeps them they are never the store's to
   * delete). A lead converted into the account keeps its conversion as history. Under
   * {@link #ifVersion} the account must still be at that version. Raises {@link AccountDeleted}.
   *
   * @return the event, with how much went with the account
   * @throws ValidationException if the id is null
   * @throws dev.rapport.crm.exception.NotFoundException if the tenant has no such account (also one
   *     merged into another)
   * @throws dev.rapport.crm.exception.IllegalTransitionException if contacts, opportunities, cases,
   *     feedback, sales or payments name it (naming how many of each)
   * @throws dev.rapport.crm.exception.ConcurrentUpdateException if the account is not at the version
   *     given to {@link #ifVersion}, or was changed concurrently
   */
  public AccountDeleted delete(AccountId id) {
    Check.notNull(id, "accountId");
    return ctx.command(cmd -> {
      Account account = versioned.load(cmd.uow(), id);
      checkVersion(account);
      dev.rapport.crm.internal.context.Cascade.Removed removed = ctx.setting(dev.rapport.crm.internal.context.Cascade.class).removeUnlessNamed(cmd,
          dev.rapport.crm.internal.context.Cascade.Subject.ACCOUNT, id.value());
      cmd.uow().port(AccountRepository.class).delete(account);
      AccountDeleted event = new AccountDeleted(ctx.tenant(), ctx.now(), id, removed.activities(), removed.tasks(),
          removed.mails());
      cmd.raise(event);
      return event;
    });
  }
}
