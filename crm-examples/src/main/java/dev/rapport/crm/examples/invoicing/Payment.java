package dev.rapport.crm.examples.invoicing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment the host received: of one customer, settling one invoice or none (on account). */
@Entity
@Table(name = "inv_payment")
public class Payment {
  @Id
  @Column(name = "id")
  public String id;

  @Column(name = "customer_number")
  public String customerNumber;

  @Column(name = "amount", precision = 19, scale = 4)
  public BigDecimal amount;

  @Column(name = "currency")
  public String currency;

  @Column(name = "paid_on")
  public LocalDate paidOn;

  /** The invoice it settles, or null when paid on account. */
  @Column(name = "invoice_id")
  public String invoiceId;

  protected Payment() {}

  public Payment(String id, String customerNumber, BigDecimal amount, String currency, LocalDate paidOn, String invoiceId) {
    this.id = id;
    this.customerNumber = customerNumber;
    this.amount = amount;
    this.currency = currency;
    this.paidOn = paidOn;
    this.invoiceId = invoiceId;
  }
}
