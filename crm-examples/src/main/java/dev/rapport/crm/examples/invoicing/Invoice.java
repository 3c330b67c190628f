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

  protected Invoice() {}

  public Invoice(String id, String customerNumber, BigDecimal amount, String currency, String description) {
    this.id = id;
    this.customerNumber = customerNumber;
    this.amount = amount;
    this.currency = currency;
    this.status = "DRAFT";
    this.description = description;
  }
}
