package dev.rapport.crm.examples.host;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounting package's own books: customers, invoices and payments, as the host keeps them
 * (here in memory; in a real product, its own tables). Rapport never writes here: it reads the
 * invoices and payments through {@link LedgerSalesSource}. Thread-safe.
 */
public final class Ledger {

  /** A customer of the books; {@code crmAccount} is the id of its Rapport account, once linked. */
  public record Customer(String number, String name, String email, Optional<UUID> crmAccount) {
    public Customer {
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(crmAccount, "crmAccount");
    }
  }

  /** One line of an invoice: so many units of a product at a unit price (in euros). */
  public record Line(String product, BigDecimal quantity, BigDecimal unitPrice) {
    public Line {
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(unitPrice, "unitPrice");
    }

    public BigDecimal amount() {
      return quantity.multiply(unitPrice);
    }
  }

  /** An invoice in euros, payable {@code termsDays} after it was issued. */
  public record Invoice(String number, String customer, LocalDate issued, int termsDays, List<Line> lines) {
    public Invoice {
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(issued, "issued");
      lines = List.copyOf(lines);
    }

    public BigDecimal total() {
      return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** A payment booked from the bank statement, settling invoices (number to amount). */
  public record Payment(String bankReference, String customer, BigDecimal amount, LocalDate paidOn,
      Map<String, BigDecimal> settles) {
    public Payment {
      Objects.requireNonNull(bankReference, "bankReference");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(paidOn, "paidOn");
      settles = Map.copyOf(settles);
    }
  }

  private final Map<String, Customer> customers = new LinkedHashMap<>();
  private final List<Invoice> invoices = new ArrayList<>();
  private final List<Payment> payments = new ArrayList<>();

  public synchronized Customer addCustomer(String number, String name, String email) {
    if (customers.containsKey(number)) {
      throw new IllegalArgumentException("customer " + number + " exists");
    }
    Customer c = new Customer(number, name, email, Optional.empty());
    customers.put(number, c);
    return c;
  }

  /** Records which Rapport account a customer is. */
  public synchronized Customer link(String number, UUID crmAccount) {
    Customer c = customer(number);
    Customer linked = new Customer(c.number(), c.name(), c.email(), Optional.of(crmAccount));
    customers.put(number, linked);
    return linked;
  }

  public synchronized Customer customer(String number) {
    Customer c = customers.get(number);
    if (c == null) {
      throw new IllegalArgumentException("no customer " + number);
    }
    return c;
  }

  public synchronized Optional<Customer> customerOfAccount(UUID crmAccount) {
    return customers.values().stream().filter(c -> c.crmAccount().equals(Optional.of(crmAccount))).findFirst();
  }

  public synchronized List<Customer> customers() {
    return List.copyOf(customers.values());
  }

  public synchronized Invoice issue(Invoice invoice) {
    customer(invoice.customer());
    invoices.add(invoice);
    return invoice;
  }

  public synchronized Payment book(Payment payment) {
    customer(payment.customer());
    payments.add(payment);
    return payment;
  }

  public synchronized List<Invoice> invoices() {
    return List.copyOf(invoices);
  }

  public synchronized List<Payment> payments() {
    return List.copyOf(payments);
  }
}
