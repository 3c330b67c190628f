package dev.rapport.crm.sales;

import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.Recorded;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Limits;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PaymentId;
import dev.rapport.crm.common.SaleId;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.sales.SalesRepository.Balance;
import dev.rapport.crm.sales.SalesRepository.Movement;
import dev.rapport.crm.spi.UnitOfWork;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recording and reading sales and payments in Rapport's store, behind {@link SalesService}:
 * balances kept as credit notes and payments arrive.
 */
final class SalesRecords extends SalesPart {
  SalesRecords(CrmContext ctx) {
    super(ctx);
  }

  /** See {@link SalesService#record}. */
  Recorded<Sale> record(NewSale sale) {
    Check.notNull(sale, "sale");
    requireStore();
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      requireAccount(uow, sale.accountId());
      SalesRepository sales = uow.port(SalesRepository.class);
      Optional<Sale> existing = sales.findByReference(sale.reference());
      if (existing.isPresent()) {
        if (existing.get().content().equals(sale)) {
          return Recorded.repeated(existing.get());
        }
        throw new DuplicateException("sale", "reference", sale.reference());
      }
      Optional<Sale> invoice = sale.isCreditNote() ? Optional.of(correctedInvoice(sales, sale, Optional.empty()))
          : Optional.empty();
      List<Movement> before = invoice.isPresent() ? sales.movements(invoice.get().reference()) : List.of();
      Instant now = ctx.now();
      Sale stored = sales.insert(new Sale(SaleId.of(ctx.ids().next()), ctx.tenant(), 0, sale, now, now));
      if (invoice.isPresent()) {
        rebalance(sales, invoice.get().content(), before, sale.reference(),
            Optional.of(new Movement(sale.issuedOn(), sale.total().amount().negate(), true, sale.reference())));
      } else {
        sales.saveBalance(sale.reference(), Optional.empty(),
            SalesFigures.balance(sale.total().amount(), sale.issuedOn(), List.of()));
      }
      cmd.raise(new SaleRecorded(ctx.tenant(), now, stored.id(), sale.reference(), sale.accountId(),
          sale.corrects(), sale.issuedOn(), sale.total(), stored.version()));
      return Recorded.created(stored);
    });
  }

  /** See {@link SalesService#update}. */
  Sale update(String given, long version, NewSale sale) {
    String reference = Check.text(given, "reference", Limits.TEXT);
    Check.expectedVersion(version);
    Check.notNull(sale, "sale");
    if (!sale.reference().equals(reference)) {
      throw new ValidationException("reference", "must be the reference of the sale updated (" + reference + ")");
    }
    requireStore();
    return ctx.command(cmd -> {
      SalesRepository sales = cmd.uow().port(SalesRepository.class);
      Sale existing = sales.findByReference(reference).orElseThrow(() -> new NotFoundException("sale", reference));
      Check.version("sale", reference, existing.version(), version);
      NewSale old = existing.content();
      if (!old.accountId().equals(sale.accountId())) {
        throw new ValidationException("accountId", "must stay " + old.accountId() + ": a sale does not move to another account");
      }
      if (!old.corrects().equals(sale.corrects())) {
        throw new ValidationException("corrects", "must stay " + old.corrects().orElse("empty")
            + ": an invoice does not become a credit note, nor a credit note correct another invoice");
      }
      if (old.equals(sale)) {
        return existing;
      }
      Optional<Sale> invoice = Optional.empty();
      if (sale.isCreditNote()) {
        invoice = Optional.of(correctedInvoice(sales, sale, Optional.of(reference)));
      } else {
        List<Movement> movements = sales.movements(reference);
        if (!movements.isEmpty() && !old.currency().equals(sale.currency())) {
          throw new ValidationException("currency", "must stay " + old.currency()
              + " while credit notes or payments refer to the sale");
        }
        BigDecimal credited = credited(movements, Optional.empty());
        if (sale.total().amount().compareTo(credited) < 0) {
          throw new ValidationException("total", "must not be below what its credit notes credit (" + credited.toPlainString() + ")");
        }
        BigDecimal paid = paid(movements);
        if (sale.total().amount().compareTo(old.total().amount()) < 0
            && sale.total().amount().compareTo(credited.add(paid)) < 0) {
          throw new ValidationException("total", "must not be lowered below what is credited and paid ("
              + credited.toPlainString() + " + " + paid.toPlainString() + "): record a credit note to give back what is paid");
        }
        for (Movement m : movements) {
          if (sale.issuedOn().isAfter(m.day())) {
            throw new ValidationException("issuedOn", "must not be after the " + (m.creditNote() ? "issuedOn of the credit note "
                : "paidOn of the payment ") + m.reference() + " (" + m.day() + ")");
          }
        }
      }
      List<Movement> before = sales.movements(invoice.isPresent() ? invoice.get().reference() : reference);
      Instant now = ctx.now();
      Sale stored = sales.update(existing.changed(sale, now));
      if (invoice.isPresent()) {
        rebalance(sales, invoice.get().content(), before, reference,
            Optional.of(new Movement(sale.issuedOn(), sale.total().amount().negate(), true, reference)));
      } else {
        sales.saveBalance(reference, Optional.of(SalesFigures.balance(old.total().amount(), old.issuedOn(), before)),
            SalesFigures.balance(sale.total().amount(), sale.issuedOn(), before));
      }
      cmd.raise(new SaleRecorded(ctx.tenant(), now, stored.id(), reference, sale.accountId(), sale.corrects(),
          sale.issuedOn(), sale.total(), stored.version()));
      return stored;
    });
  }

  /** The invoice a credit note corrects, checked; {@code self} is the credit note's own reference when it is updated. */
  private static Sale correctedInvoice(SalesRepository sales, NewSale credit, Optional<String> self) {
    String ref = credit.corrects().get();
    Sale invoice = sales.findByReference(ref).orElseThrow(() -> new NotFoundException("sale", ref));
    NewSale inv = invoice.content();
    if (inv.isCreditNote()) {
      throw new ValidationException("corrects", "must name an invoice, not the credit note " + ref);
    }
    if (!inv.accountId().equals(credit.accountId())) {
      throw new ValidationException("corrects", "must name a sale of the account " + credit.accountId());
    }
    if (!inv.currency().equals(credit.currency())) {
      throw new ValidationException("currency", "must be the corrected sale's currency " + inv.currency());
    }
    if (credit.issuedOn().isBefore(inv.issuedOn())) {
      throw new ValidationException("issuedOn", "must not be before the issuedOn (" + inv.issuedOn() + ") of the invoice "
          + ref + " it corrects");
    }
    BigDecimal room = inv.total().amount().subtract(credited(sales.movements(ref), self));
    if (credit.total().amount().negate().compareTo(room) > 0) {
      throw new ValidationException("total", "must not credit more than the " + room.toPlainString() + " " + inv.currency()
          + " still due on " + ref + " after its other credit notes (" + credit.total().amount().negate().toPlainString()
          + " credited)");
    }
    return invoice;
  }

  private static BigDecimal paid(List<Movement> movements) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Movement m : movements) {
      if (!m.creditNote()) {
        sum = sum.add(m.amount());
      }
    }
    return sum;
  }

  private static BigDecimal credited(List<Movement> movements, Optional<String> except) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Movement m : movements) {
      if (m.creditNote() && !except.equals(Optional.of(m.reference()))) {
        sum = sum.add(m.amount());
      }
    }
    return sum;
  }

  /**
   * Recomputes and keeps an invoice's balance, with {@code replacing}'s movement replaced by {@code
   * movement}; {@code before} are its movements as read before the change.
   */
  private static void rebalance(SalesRepository sales, NewSale invoice, List<Movement> before, String replacing,
      Optional<Movement> movement) {
    rebalance(sales, invoice, before, replacing, true, movement);
  }

  /**
   * As above, replacing the movement of a credit note ({@code creditNote}) or of a payment with the
   * reference: a credit note and a payment may share a reference (their keys are apart).
   */
  private static void rebalance(SalesRepository sales, NewSale invoice, List<Movement> before, String replacing,
      boolean creditNote, Optional<Movement> movement) {
    List<Movement> movements = new ArrayList<>();
    for (Movement m : before) {
      if (!(m.reference().equals(replacing) && m.creditNote() == creditNote)) {
        movements.add(m);
      }
    }
    movement.ifPresent(movements::add);
    sales.saveBalance(invoice.reference(),
        Optional.of(SalesFigures.balance(invoice.total().amount(), invoice.issuedOn(), before)),
        SalesFigures.balance(invoice.total().amount(), invoice.issuedOn(), movements));
  }

  /** See {@link SalesService#recordPayment}. */
  Recorded<Payment> recordPayment(NewPayment payment) {
    Check.notNull(payment, "payment");
    requireStore();
    LocalDate today = ctx.today();
    if (payment.paidOn().isAfter(today)) {
      throw new ValidationException("paidOn", "must not be after today (" + today + "): a payment is recorded once received");
    }
    return ctx.command(cmd -> {
      UnitOfWork uow = cmd.uow();
      requireAccount(uow, payment.accountId());
      SalesRepository sales = uow.port(SalesRepository.class);
      Optional<Payment> existing = sales.findPaymentByReference(payment.reference());
      if (existing.isPresent()) {
        if (existing.get().content().equals(payment)) {
          return Recorded.repeated(existing.get());
        }
        throw new DuplicateException("payment", "reference", payment.reference());
      }
      Map<NewSale, List<Movement>> touched = new LinkedHashMap<>();
      Map<NewSale, Balance> balances = new LinkedHashMap<>();
      for (int i = 0; i < payment.allocations().size(); i++) {
        Allocation a = payment.allocations().get(i);
        String at = "allocations[" + i + "]";
        NewSale inv = sales.findByReference(a.saleReference())
            .orElseThrow(() -> new NotFoundException("sale", a.saleReference())).content();
        if (inv.isCreditNote()) {
          throw new ValidationException(at + ".saleReference", "must name an invoice, not the credit note " + a.saleReference());
        }
        if (!inv.accountId().equals(payment.accountId())) {
          throw new ValidationException(at + ".saleReference", "must name a sale of the account " + payment.accountId()
              + " (" + a.saleReference() + " is not)");
        }
        if (!inv.currency().equals(payment.amount().currency())) {
          throw new ValidationException(at + ".saleReference", "must name a sale in the payment's currency "
              + payment.amount().currency() + " (" + a.saleReference() + " is in " + inv.currency() + ")");
        }
        if (payment.paidOn().isBefore(inv.issuedOn())) {
          throw new ValidationException("paidOn", "must not be before the issuedOn (" + inv.issuedOn() + ") of "
              + a.saleReference() + ", which it pays");
        }
        List<Movement> movements = new ArrayList<>(sales.movements(a.saleReference()));
        Balance before = SalesFigures.balance(inv.total().amount(), inv.issuedOn(), movements);
        BigDecimal open = before.due().subtract(before.paid()).max(BigDecimal.ZERO);
        if (a.amount().amount().compareTo(open) > 0) {
          throw new ValidationException(at + ".amount", "must not pay more than the " + open.toPlainString() + " "
              + inv.currency() + " outstanding on " + a.saleReference() + " (" + a.amount().amount().toPlainString()
              + " allocated); leave what is paid beyond unallocated");
        }
        movements.add(new Movement(payment.paidOn(), a.amount().amount(), false, payment.reference()));
        touched.put(inv, movements);
        balances.put(inv, before);
      }
      Instant now = ctx.now();
      Payment stored = sales.insertPayment(new Payment(PaymentId.of(ctx.ids().next()), ctx.tenant(), 0, payment, now));
      touched.forEach((inv, movements) -> sales.saveBalance(inv.reference(), Optional.of(balances.get(inv)),
          SalesFigures.balance(inv.total().amount(), inv.issuedOn(), movements)));
      cmd.raise(new PaymentRecorded(ctx.tenant(), now, stored.id(), payment.reference(), payment.accountId(),
          payment.amount(), payment.paidOn(), payment.unapplied()));
      return Recorded.created(stored);
    });
  }

  /** See {@link SalesService#deleteSale}. */
  SaleDeleted deleteSale(String given, long version) {
    String reference = Check.text(given, "reference", Limits.TEXT);
    Check.expectedVersion(version);
    requireStore();
    return ctx.command(cmd -> {
      SalesRepository sales = cmd.uow().port(SalesRepository.class);
      Sale existing = sales.findByReference(reference).orElseThrow(() -> new NotFoundException("sale", reference));
      Check.version("sale", reference, existing.version(), version);
      NewSale s = existing.content();
      if (s.isCreditNote()) {
        Sale invoice = sales.findByReference(s.corrects().get())
            .orElseThrow(() -> new NotFoundException("sale", s.corrects().get()));
        List<Movement> before = sales.movements(invoice.reference());
        sales.delete(existing);
        rebalance(sales, invoice.content(), before, reference, Optional.empty());
      } else {
        List<Movement> movements = sales.movements(reference);
        long credits = movements.stream().filter(Movement::creditNote).map(Movement::reference).distinct().count();
        long payments = movements.stream().filter(m -> !m.creditNote()).map(Movement::reference).distinct().count();
        if (credits + payments > 0) {
          throw new dev.rapport.crm.exception.IllegalTransitionException("sale", "RECORDED", "deleted",
              credits + " credit notes and " + payments + " payments name it: delete those first");
        }
        sales.delete(existing);
      }
      SaleDeleted event = new SaleDeleted(ctx.tenant(), ctx.now(), existing.id(), reference, s.accountId(), s.corrects());
      cmd.raise(event);
      return event;
    });
  }

  /** See {@link SalesService#deletePayment}. */
  PaymentDeleted deletePayment(String given, long version) {
    String reference = Check.text(given, "reference", Limits.TEXT);
    Check.expectedVersion(version);
    requireStore();
    return ctx.command(cmd -> {
      SalesRepository sales = cmd.uow().port(SalesRepository.class);
      Payment existing = sales.findPaymentByReference(reference)
          .orElseThrow(() -> new NotFoundException("payment", reference));
      Check.version("payment", reference, existing.version(), version);
      Map<String, NewSale> invoices = new LinkedHashMap<>();
      Map<String, List<Movement>> before = new LinkedHashMap<>();
      for (Allocation a : existing.content().allocations()) {
        if (!invoices.containsKey(a.saleReference())) {
          invoices.put(a.saleReference(), sales.findByReference(a.saleReference())
              .orElseThrow(() -> new NotFoundException("sale", a.saleReference())).content());
          before.put(a.saleReference(), sales.movements(a.saleReference()));
        }
      }
      sales.deletePayment(existing);
      invoices.forEach((ref, inv) -> rebalance(sales, inv, before.get(ref), reference, false, Optional.empty()));
      PaymentDeleted event = new PaymentDeleted(ctx.tenant(), ctx.now(), existing.id(), reference,
          existing.content().accountId());
      cmd.raise(event);
      return event;
    });
  }

  /** See {@link SalesService#get}. */
  Sale get(String given) {
    String reference = Check.text(given, "reference", Limits.TEXT);
    requireStore();
    return ctx.read(uow -> uow.port(SalesRepository.class).findByReference(reference)).orElseThrow(() -> new NotFoundException("sale", reference));
  }

  /** See {@link SalesService#getPayment}. */
  Payment getPayment(String given) {
    String reference = Check.text(given, "reference", Limits.TEXT);
    requireStore();
    return ctx.read(uow -> uow.port(SalesRepository.class).findPaymentByReference(reference))
        .orElseThrow(() -> new NotFoundException("payment", reference));
  }

  /** See {@link SalesService#byAccount}. */
  Page<Sale> byAccount(AccountId account, PageRequest page) {
    Check.notNull(account, "accountId");
    Check.notNull(page, "page");
    requireStore();
    return ctx.read(uow -> uow.port(SalesRepository.class).list(Optional.of(account), page));
  }

  /** See {@link SalesService#paymentsByAccount}. */
  Page<Payment> paymentsByAccount(AccountId account, PageRequest page) {
    Check.notNull(account, "accountId");
    Check.notNull(page, "page");
    requireStore();
    return ctx.read(uow -> uow.port(SalesRepository.class).payments(Optional.of(account), page));
  }
}
