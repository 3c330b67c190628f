package dev.rapport.crm.sales;

import dev.rapport.crm.event.CrmEvent;

/**
 * What happens to a sale, payment or payer class: the events of this feature, a sealed family under {@link CrmEvent}
 * (a {@code switch} over it is checked for completeness). {@code Crm.eventTypes()} lists the
 * events of every feature.
 */
public sealed interface SalesEvent extends CrmEvent permits SaleRecorded, PaymentRecorded, PayerClassChanged, SaleDeleted,
    PaymentDeleted {}
