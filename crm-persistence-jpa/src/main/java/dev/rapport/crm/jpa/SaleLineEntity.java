package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code crm_sale_line}: one {@link dev.rapport.crm.sales.SaleLine} of a sale, keyed by
 * tenant, sale and its place in the sale's list (from 0). The cost is quantity times unit cost,
 * rounded as the core rounds it, so the figures sum it without arithmetic in SQL.
 */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportSaleLine")
@Table(name = "crm_sale_line")
@IdClass(SaleLineEntity.Key.class)
class SaleLineEntity {
  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Id
  @Column(name = "sale_id", nullable = false, updatable = false)
  UUID saleId;

  @Id
  @Column(name = "line_no", nullable = false, updatable = false)
  int lineNo;

  @Column(name = "product_code", nullable = false, length = 50)
  String productCode;

  @Column(name = "description", length = 200)
  String description;

  @Column(name = "quantity", nullable = false, precision = 15, scale = 6)
  BigDecimal quantity;

  @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
  BigDecimal unitPrice;

  @Column(name = "amount", nullable = false, precision = 19, scale = 4)
  BigDecimal amount;

  @Column(name = "unit_cost", precision = 19, scale = 4)
  BigDecimal unitCost;

  /** Quantity times unit cost, if the line has a unit cost. */
  @Column(name = "cost", precision = 28, scale = 4)
  BigDecimal cost;

  SaleLineEntity() {}

  /** The composite key. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String tenantId;
    UUID saleId;
    int lineNo;

    Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(saleId, k.saleId)
          && lineNo == k.lineNo;
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, saleId, lineNo);
    }
  }
}
