package dev.rapport.crm.sales;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.spi.UnitOfWork;

/**
 * What the parts of the sales feature share: the Crm's context and sales settings, and the checks
 * every command makes.
 */
abstract class SalesPart {
  final CrmContext ctx;
  final SalesSettings settings;

  SalesPart(CrmContext ctx) {
    this.ctx = ctx;
    this.settings = ctx.setting(SalesSettings.class);
  }

  void requireStore() {
    if (settings.ledger().isPresent()) {
      throw new ValidationException("salesLedger", "this Crm reads sales and payments from the host's ledger;"
          + " record them there, not in Rapport");
    }
  }

  static Account requireAccount(UnitOfWork uow, AccountId id) {
    return uow.port(AccountRepository.class).find(id).orElseThrow(() -> new NotFoundException("account", id));
  }
}
