package dev.rapport.crm.examples.invoicing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** An invoice of the invoicing host. Drafted when the CRM reports a won opportunity. */
@Entity
@Table(name = "inv_invoice")
public class Invoice {
  /** The id of the won opportunity: one draft per deal, however often the event is delivered. */
  @Id
  @Column(name = "id")
  public String id;

  @Column(name = "customer_number")
  public String customerNumber;

  @Column(name = "amount", precision = 19, scale = 4)
  public BigDecimal amount;

  @Column(name = "currency")
  public String currency;

  @Column(name = "status")
  public String status;

  @Column(name = "description")
  public String description;

  /** The day it was issued: empty while it is a draft. */
  @Column(name = "issued_on")
  public java.time.LocalDate issuedOn;

  /** The day payment is due: empty while it is a draft. */
  @Column(name = "due_on")
  public java.time.LocalDate dueOn;

  protected Invoice() {}

  public Invoice(String id, String customerNumber, BigDecimal amount, String currency, String description) {
    this.id = id;
    this.customerNumber = customerNumber;
    this.amount = amount;
    this.currency = currency;
    this.status = "DRAFT";
    this.description = description;
  }

  /** An issued invoice. */
  public static Invoice issued(String id, String customerNumber, BigDecimal amount, String currency, String description,
      java.time.LocalDate issuedOn, java.time.LocalDate dueOn) {
    Invoice i = new Invoice(id, customerNumber, amount, currency, description);
    i.status = "ISSUED";
    i.issuedOn = issuedOn;
    i.dueOn = dueOn;
    return i;
  }
}
