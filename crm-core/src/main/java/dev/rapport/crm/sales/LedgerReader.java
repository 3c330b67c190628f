package dev.rapport.crm.sales;

import dev.rapport.crm.internal.context.CrmContext;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.exception.CrmException;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads every page of a host's ledger, defensively: a failing or looping host is a {@link
 * StoreException}, and so is one that answers a tenant-wide read with an item of an account the
 * tenant does not have (a ledger that ignores the tenant it is given would otherwise mix tenants in
 * every answer). Internal to Rapport (the analytics feature reads it too): not part of the API, may change without notice.
 */
public final class LedgerReader {
  /** Items asked for per page. */
  public static final int PAGE = PageRequest.MAX_SIZE;

  private final SalesLedger ledger;
  private final TenantId tenant;
  private final CrmContext ctx;

  /** A reader of the context's ledger, for its tenant. */
  LedgerReader(CrmContext ctx) {
    this.ledger = ctx.setting(SalesSettings.class).ledger().orElseThrow();
    this.tenant = ctx.tenant();
    this.ctx = ctx;
  }

  interface Reader<T> {
    Page<T> page(Optional<String> after);
  }

  public List<NewSale> sales(Optional<AccountId> account) {
    return all("sales", after -> ledger.sales(tenant, account, Limits.EARLIEST_DATE, Limits.LATEST_DATE, after, PAGE),
        account, NewSale::accountId);
  }

  public List<NewPayment> payments(Optional<AccountId> account) {
    return all("payments", after -> ledger.payments(tenant, account, Limits.EARLIEST_DATE, Limits.LATEST_DATE, after,
        PAGE), account, NewPayment::accountId);
  }

  private <T> List<T> all(String what, Reader<T> reader, Optional<AccountId> account,
      Function<T, AccountId> accountOf) {
    List<T> items = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    Optional<String> after = Optional.empty();
    try {
      while (true) {
        Page<T> page = reader.page(after);
        if (page == null) {
          throw new StoreException("the sales ledger returned no page of " + what + " (tenant " + tenant.value() + ")", null);
        }
        for (T item : page.items()) {
          if (account.isEmpty() || account.get().equals(accountOf.apply(item))) {
            items.add(item);
          }
        }
        if (page.nextCursor().isEmpty()) {
          break;
        }
        if (!cursors.add(page.nextCursor().get())) {
          throw new StoreException("the sales ledger returned the cursor " + page.nextCursor().get()
              + " twice while reading " + what + " (tenant " + tenant.value() + ")", null);
        }
        after = page.nextCursor();
      }
    } catch (CrmException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreException("the sales ledger failed reading " + what + " (tenant " + tenant.value() + "): " + e, e);
    }
    if (account.isEmpty()) {
      requireTenantsAccounts(what, items, accountOf);
    }
    return items;
  }

  /** Refuses the answer when an item names an account the tenant does not have. */
  private <T> void requireTenantsAccounts(String what, List<T> items, Function<T, AccountId> accountOf) {
    Set<AccountId> named = new LinkedHashSet<>();
    for (T item : items) {
      named.add(accountOf.apply(item)); // never null: NewSale and NewPayment check it
    }
    if (named.isEmpty()) {
      return;
    }
    Set<AccountId> known = ctx.read(uow -> uow.port(AccountRepository.class).existing(named));
    List<AccountId> unknown = named.stream().filter(a -> !known.contains(a)).toList();
    if (!unknown.isEmpty()) {
      throw new StoreException("the sales ledger returned " + what + " of " + unknown.size()
          + " account(s) that tenant " + tenant.value() + " does not have (first: " + unknown.get(0)
          + "): a ledger must answer only for the tenant it is asked about", null);
    }
  }
}
