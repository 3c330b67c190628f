package dev.rapport.crm.examples.invoicing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** A line of one of the host's invoices. */
@Entity
@Table(name = "inv_invoice_line")
@IdClass(InvoiceLine.Key.class)
public class InvoiceLine {
  /** The key of a line: its invoice and its number. */
  public record Key(String invoiceId, int lineNo) implements Serializable {
    public Key() {
      this(null, 0);
    }
  }

  @Id
  @Column(name = "invoice_id")
  public String invoiceId;

  @Id
  @Column(name = "line_no")
  public int lineNo;

  @Column(name = "product_code")
  public String productCode;

  @Column(name = "quantity", precision = 15, scale = 6)
  public BigDecimal quantity;

  @Column(name = "unit_price", precision = 19, scale = 4)
  public BigDecimal unitPrice;

  @Column(name = "amount", precision = 19, scale = 4)
  public BigDecimal amount;

  protected InvoiceLine() {}

  public InvoiceLine(String invoiceId, int lineNo, String productCode, BigDecimal quantity, BigDecimal unitPrice,
      BigDecimal amount) {
    this.invoiceId = invoiceId;
    this.lineNo = lineNo;
    this.productCode = productCode;
    this.quantity = quantity;
    this.unitPrice = unitPrice;
    this.amount = amount;
  }
}
