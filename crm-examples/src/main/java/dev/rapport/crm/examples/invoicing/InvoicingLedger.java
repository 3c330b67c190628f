package dev.rapport.crm.examples.invoicing;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.sales.Allocation;
import dev.rapport.crm.sales.NewPayment;
import dev.rapport.crm.sales.NewSale;
import dev.rapport.crm.sales.SaleLine;
import dev.rapport.crm.sales.SalesLedger;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The host's own invoice and payment tables as Rapport's source of sales history: Rapport reads
 * them page by page when it answers (customer summaries, late payers, repurchase reminders), so
 * the ledger stays the one truth and nothing is copied. Issued invoices only (drafts are not
 * sales yet); a customer is the CRM account it is linked to ({@link Customer#crmAccountId}).
 * Pages are keyed by the host's ids: three queries per page (rows, lines, customers).
 */
public final class InvoicingLedger implements SalesLedger {
  private final EntityManagerFactory emf;
  private final TenantId tenant;

  /** The ledger of the one tenant this host serves. */
  public InvoicingLedger(EntityManagerFactory emf, TenantId tenant) {
    this.emf = emf;
    this.tenant = tenant;
  }

  @Override
  public Page<NewSale> sales(TenantId t, Optional<AccountId> account, LocalDate from, LocalDate to,
      Optional<String> after, int size) {
    if (!t.equals(tenant)) {
      return new Page<>(List.of(), Optional.empty());
    }
    return read(em -> {
      List<Invoice> invoices = page(em.createQuery("select i from Invoice i where i.status = 'ISSUED'"
          + " and i.issuedOn between :from and :to and i.id > :after" + ofAccount(account, "i")
          + " order by i.id", Invoice.class), account, from, to, after, size);
      Map<String, List<InvoiceLine>> lines = new HashMap<>();
      if (!invoices.isEmpty()) {
        em.createQuery("select l from InvoiceLine l where l.invoiceId in :ids order by l.invoiceId, l.lineNo",
            InvoiceLine.class).setParameter("ids", invoices.stream().map(i -> i.id).toList()).getResultList()
            .forEach(l -> lines.computeIfAbsent(l.invoiceId, k -> new ArrayList<>()).add(l));
      }
      Map<String, AccountId> accounts = accounts(em, invoices.stream().map(i -> i.customerNumber).toList());
      List<NewSale> sales = new ArrayList<>();
      for (Invoice i : invoices.subList(0, Math.min(size, invoices.size()))) {
        NewSale.Builder sale = NewSale.invoice(i.id, accounts.get(i.customerNumber), i.issuedOn, i.currency).dueOn(i.dueOn);
        for (InvoiceLine l : lines.getOrDefault(i.id, List.of())) {
          // the host's own amounts, so that a rounding error in the host's data is caught, not hidden
          sale.line(new SaleLine(l.productCode, Optional.empty(), l.quantity, Money.of(l.unitPrice, i.currency),
              Money.of(l.amount, i.currency), Optional.empty()));
        }
        sales.add(sale.build());
      }
      return new Page<>(sales, next(invoices, size, x -> x.id));
    });
  }

  @Override
  public Page<NewPayment> payments(TenantId t, Optional<AccountId> account, LocalDate from, LocalDate to,
      Optional<String> after, int size) {
    if (!t.equals(tenant)) {
      return new Page<>(List.of(), Optional.empty());
    }
    return read(em -> {
      List<Payment> payments = page(em.createQuery("select p from Payment p where p.paidOn between :from and :to"
          + " and p.id > :after" + ofAccount(account, "p") + " order by p.id", Payment.class), account, from, to, after, size);
      Map<String, AccountId> accounts = accounts(em, payments.stream().map(p -> p.customerNumber).toList());
      List<NewPayment> result = new ArrayList<>();
      for (Payment p : payments.subList(0, Math.min(size, payments.size()))) {
        Money amount = Money.of(p.amount, p.currency);
        result.add(new NewPayment(p.id, accounts.get(p.customerNumber), amount, p.paidOn,
            p.invoiceId == null ? List.of() : List.of(new Allocation(p.invoiceId, amount))));
      }
      return new Page<>(result, next(payments, size, x -> x.id));
    });
  }

  private static String ofAccount(Optional<AccountId> account, String alias) {
    return account.isEmpty() ? ""
        : " and " + alias + ".customerNumber in (select c.number from Customer c where c.crmAccountId = :account)";
  }

  /** One more row than the page, to know whether another page follows. */
  private static <T> List<T> page(TypedQuery<T> query, Optional<AccountId> account, LocalDate from, LocalDate to,
      Optional<String> after, int size) {
    query.setParameter("from", from).setParameter("to", to).setParameter("after", after.orElse(""));
    account.ifPresent(a -> query.setParameter("account", a.toString()));
    return query.setMaxResults(size + 1).getResultList();
  }

  private static <T> Optional<String> next(List<T> rows, int size, Function<T, String> id) {
    return rows.size() > size ? Optional.of(id.apply(rows.get(size - 1))) : Optional.empty();
  }

  private static Map<String, AccountId> accounts(EntityManager em, List<String> numbers) {
    Map<String, AccountId> accounts = new HashMap<>();
    if (!numbers.isEmpty()) {
      em.createQuery("select c from Customer c where c.number in :numbers", Customer.class)
          .setParameter("numbers", numbers.stream().distinct().toList()).getResultList()
          .forEach(c -> accounts.put(c.number, AccountId.parse(c.crmAccountId)));
    }
    return accounts;
  }

  private <T> T read(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      return work.apply(em);
    } finally {
      em.close();
    }
  }
}
