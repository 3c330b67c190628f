package dev.rapport.crm.examples.invoicing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer of the invoicing host: its own record, keyed by its own customer number. */
@Entity
@Table(name = "inv_customer")
public class Customer {
  @Id
  @Column(name = "customer_number")
  public String number;

  @Column(name = "name")
  public String name;

  /** The CRM account this customer is; the account carries the number as its external reference. */
  @Column(name = "crm_account_id")
  public String crmAccountId;

  protected Customer() {}

  public Customer(String number, String name, String crmAccountId) {
    this.number = number;
    this.name = name;
    this.crmAccountId = crmAccountId;
  }
}
