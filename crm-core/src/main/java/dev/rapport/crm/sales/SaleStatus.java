package dev.rapport.crm.sales;

import dev.rapport.crm.common.Money;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where an invoice stands on a day: what is due after its credit notes, what is paid, and whether
 * and how late it was or is.
 *
 * @param reference the invoice's reference
 * @param asOf the day it is judged on
 * @param due the total less the credit notes
 * @param paid what payments allocated to it
 * @param outstanding what is still to pay (zero once settled)
 * @param settledOn the first day credit notes and payments covered the total, if it came
 * @param overdue whether it is open after its due day
 * @param daysLate days from the due day to the day it was settled, or to {@code asOf} while it is
 *     open; 0 if it was settled on time or is not yet due
 */
public record SaleStatus(String reference, LocalDate asOf, Money due, Money paid, Money outstanding,
    Optional<LocalDate> settledOn, boolean overdue, long daysLate) {}
