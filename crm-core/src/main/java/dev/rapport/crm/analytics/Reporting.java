package dev.rapport.crm.analytics;

import dev.rapport.crm.sales.SalesSettings;
import dev.rapport.crm.sales.Converter;
import dev.rapport.crm.internal.context.CrmContext;
import java.time.Instant;
import java.time.LocalDate;

/** What the parts of the analytics feature share: the Crm's context, its days and its money. */
abstract class Reporting {
  final CrmContext ctx;

  Reporting(CrmContext ctx) {
    this.ctx = ctx;
  }

  Instant startOf(LocalDate day) {
    return day.atStartOfDay(ctx.clockZone()).toInstant();
  }

  LocalDate rateDay(Period period) {
    LocalDate today = ctx.today();
    return period.to().isBefore(today) ? period.to() : today;
  }

  Converter converter() {
    return new Converter(ctx.setting(SalesSettings.class).rates(), ctx.setting(SalesSettings.class).reportingCurrency());
  }
}
