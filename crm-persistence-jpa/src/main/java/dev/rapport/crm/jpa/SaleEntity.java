package dev.rapport.crm.jpa;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A row of {@code crm_sale}: the stored form of a {@link dev.rapport.crm.sales.Sale} (its lines are
 * rows of {@code crm_sale_line}), with the sums over its lines that the figures group, and, for an
 * invoice, its balance. Days are epoch days ({@link java.time.LocalDate#toEpochDay()}). The balance
 * columns are written on insert and then only by {@link JpaSales#saveBalance}'s bulk update: never by
 * the provider's update of the row, so keeping a balance does not raise the sale's version.
 */
@Cacheable(false) // rows change on every node of a host: never serve them from a shared cache
@Entity(name = "RapportSale")
@IdClass(TenantKey.class)
@Table(name = "crm_sale")
class SaleEntity {
  @Id
  @Column(name = "id", nullable = false, updatable = false)
  UUID id;

  @Id
  @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
  String tenantId;

  @Version
  @Column(name = "version", nullable = false)
  long version = Mapping.FIRST_VERSION;

  @Column(name = "reference", nullable = false, length = 200)
  String reference;

  @Column(name = "account_id", nullable = false)
  UUID accountId;

  /** For a credit note, the reference of the invoice it corrects. */
  @Column(name = "corrects", length = 200)
  String corrects;

  @Column(name = "issue_day", nullable = false)
  int issueDay;

  @Column(name = "due_day", nullable = false)
  int dueDay;

  @Column(name = "currency", nullable = false, length = 3)
  String currency;

  @Column(name = "total", nullable = false, precision = 19, scale = 4)
  BigDecimal total;

  /** The sum of the costs of the lines that carry one. */
  @Column(name = "cost", nullable = false, precision = 31, scale = 4)
  BigDecimal cost;

  /** The sum of the amounts of the lines that carry a cost. */
  @Column(name = "costed_amount", nullable = false, precision = 22, scale = 4)
  BigDecimal costedAmount;

  /** How many lines carry a cost. */
  @Column(name = "costed_lines", nullable = false)
  int costedLines;

  /** The total less its credit notes. */
  @Column(name = "due_amount", nullable = false, updatable = false, precision = 19, scale = 4)
  BigDecimal dueAmount;

  /** What payments allocated to it. */
  @Column(name = "paid", nullable = false, updatable = false, precision = 19, scale = 4)
  BigDecimal paid;

  /** The epoch day it was settled, if it was. */
  @Column(name = "settled_day", updatable = false)
  Integer settledDay;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  LocalDateTime recordedAt;

  @Column(name = "updated_at", nullable = false)
  LocalDateTime updatedAt;

  SaleEntity() {}
}
