package dev.rapport.crm.sample.web;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.spring.CrmProvider;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Leads: the capture form and the list with its filter, a lead's page, qualifying and converting. */
@Controller
class LeadController {
  /** The sources the form offers. */
  static final List<LeadSource> SOURCES = List.of(LeadSource.WEBSITE_SIGNUP, LeadSource.REFERRAL,
      LeadSource.WEBINAR, LeadSource.NEWSLETTER, LeadSource.TRADE_SHOW, LeadSource.ADVERTISING,
      LeadSource.SOCIAL_ADS, LeadSource.PARTNER, LeadSource.COLD_CALL, LeadSource.PURCHASED_LIST, LeadSource.OTHER);

  private final CrmProvider crms;

  LeadController(CrmProvider crms) {
    this.crms = crms;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/leads";
  }

  @GetMapping("/leads")
  String list(@RequestParam(required = false) LeadStatus status,
      @RequestParam(required = false) Temperature temperature, Model model) {
    LeadQuery query = LeadQuery.all();
    if (status != null) {
      query = query.withStatuses(Set.of(status));
    }
    if (temperature != null) {
      query = query.withTemperatures(Set.of(temperature));
    }
    Crm crm = crms.crm();
    model.addAttribute("leads", crm.leads().query(query, PageRequest.first(100)).items());
    model.addAttribute("count", crm.leads().count(query));
    model.addAttribute("status", status);
    model.addAttribute("temperature", temperature);
    model.addAttribute("statuses", LeadStatus.values());
    model.addAttribute("temperatures", Temperature.values());
    model.addAttribute("sources", SOURCES);
    return "leads";
  }

  @PostMapping("/leads")
  String capture(@RequestParam String firstName, @RequestParam String lastName, @RequestParam String email,
      @RequestParam String company, @RequestParam String source, RedirectAttributes flash) {
    NewLead.Builder lead = NewLead.builder(PersonName.of(firstName.strip(), lastName.strip()), LeadSource.of(source));
    if (!email.isBlank()) {
      lead.email(email.strip());
    }
    if (!company.isBlank()) {
      lead.company(company.strip());
    }
    Lead captured = crms.crm().leads().capture(lead.build());
    flash.addFlashAttribute("message", "Captured " + captured.name().fullName() + ".");
    return "redirect:/leads";
  }

  @GetMapping("/leads/{id}")
  String show(@PathVariable String id, Model model) {
    Crm crm = crms.crm();
    Lead lead = crm.leads().get(LeadId.parse(id));
    model.addAttribute("lead", lead);
    model.addAttribute("qualifiable", lead.status().isOpen() && lead.status() != LeadStatus.QUALIFIED);
    model.addAttribute("convertible", lead.status() == LeadStatus.QUALIFIED);
    model.addAttribute("dealName", lead.company().orElse(lead.name().fullName()) + " deal");
    lead.convertedTo().ifPresent(c -> model.addAttribute("account", crm.accounts().get(c.accountId())));
    model.addAttribute("timeline", crm.timeline().lead(lead.id(), PageRequest.first(50)).items());
    return "lead";
  }

  @PostMapping("/leads/{id}/qualify")
  String qualify(@PathVariable String id, RedirectAttributes flash) {
    Lead lead = crms.crm().leads().changeStatus(LeadId.parse(id), LeadStatus.QUALIFIED);
    flash.addFlashAttribute("message", lead.name().fullName() + " is qualified.");
    return "redirect:/leads/" + id;
  }

  @PostMapping("/leads/{id}/convert")
  String convert(@PathVariable String id, @RequestParam String dealName, @RequestParam String amount,
      RedirectAttributes flash) {
    ConversionResult r = crms.crm().leads().convert(LeadId.parse(id), Conversion.standard()
        .withOpportunity(NewOpportunity.builder(dealName.strip(), Money.of(amount.strip(), "EUR")).build()));
    flash.addFlashAttribute("message", "Converted into " + r.contact().name().fullName() + " of "
        + r.account().name() + r.opportunity().map(o -> ", with the opportunity " + o.name()).orElse("") + ".");
    return "redirect:/leads/" + id;
  }
}
