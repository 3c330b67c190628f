package dev.rapport.crm.sales;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.TenantId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The host's own ledger as the source of sales and payments: an accounting package that already
 * keeps invoices and payments implements this over its tables, hands it to
 * {@code Crm.builder().salesLedger(...)}, and every answer of {@link SalesService} is computed
 * from it, so nothing is copied and there is one truth. Rapport then records no sales or payments
 * itself.
 *
 * <p>Reads are paged by the host's own cursor: {@code after} is empty for the first page, else the
 * {@link Page#nextCursor()} the host gave. Each page holds at most {@code size} items (1 to 500);
 * the host chooses the order, but each item must come exactly once across the pages of one read.
 * Implementations are thread-safe; they are called inside Rapport's read of an answer, never
 * inside its commands.
 *
 * <p>Answer only for the {@code tenant} asked about: one {@code SalesLedger} may serve every
 * tenant of the host. Rapport checks each tenant-wide read (account empty) against the tenant's
 * accounts and fails the answer with a {@code StoreException} when an item names an account the
 * tenant does not have.
 */
public interface SalesLedger {

  /**
   * The tenant's sales and credit notes issued in {@code [from, to]} (both days included), of one
   * account or (account empty) of every account.
   */
  Page<NewSale> sales(TenantId tenant, Optional<AccountId> account, LocalDate from, LocalDate to,
      Optional<String> after, int size);

  /**
   * The tenant's payments made in {@code [from, to]} (both days included), of one account or
   * (account empty) of every account.
   */
  Page<NewPayment> payments(TenantId tenant, Optional<AccountId> account, LocalDate from, LocalDate to,
      Optional<String> after, int size);
}
