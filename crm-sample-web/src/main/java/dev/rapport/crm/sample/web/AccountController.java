package dev.rapport.crm.sample.web;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.spring.CrmProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Customers: the accounts, and one account with its contacts, opportunities and timeline. */
@Controller
class AccountController {
  private final CrmProvider crms;

  AccountController(CrmProvider crms) {
    this.crms = crms;
  }

  @GetMapping("/accounts")
  String list(Model model) {
    model.addAttribute("accounts", crms.crm().accounts().list(PageRequest.first(100)).items());
    return "accounts";
  }

  @GetMapping("/accounts/{id}")
  String show(@PathVariable String id, Model model) {
    Crm crm = crms.crm();
    Account account = crm.accounts().get(AccountId.parse(id));
    model.addAttribute("account", account);
    model.addAttribute("contacts", crm.contacts().byAccount(account.id(), PageRequest.first(100)).items());
    model.addAttribute("opportunities", crm.opportunities().query(OpportunityQuery.all().withAccount(account.id()),
        PageRequest.first(100)).items());
    model.addAttribute("timeline", crm.timeline().account(account.id(), PageRequest.first(50)).items());
    return "account";
  }
}
