package dev.rapport.crm.sample.web;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.opportunity.OpportunityStatus;
import dev.rapport.crm.opportunity.Stage;
import dev.rapport.crm.spring.CrmProvider;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pipeline board: open opportunities in a column per stage; advance, win or lose one. */
@Controller
class PipelineController {
  private final CrmProvider crms;

  PipelineController(CrmProvider crms) {
    this.crms = crms;
  }

  /** An opportunity on the board, with its account's name and the stage after its own, if any. */
  record Card(Opportunity opportunity, String accountName, Optional<String> nextStage) {}

  @GetMapping("/pipeline")
  String board(Model model) {
    Crm crm = crms.crm();
    List<Stage> open = openStages(crm);
    Map<String, List<Card>> columns = new LinkedHashMap<>();
    open.forEach(s -> columns.put(s.name(), new java.util.ArrayList<>()));
    Map<AccountId, String> names = new HashMap<>();
    for (Opportunity o : crm.opportunities().query(OpportunityQuery.all().withStatuses(Set.of(OpportunityStatus.OPEN)),
        PageRequest.first(PageRequest.MAX_SIZE)).items()) {
      String account = names.computeIfAbsent(o.accountId(), id -> crm.accounts().get(id).name());
      columns.computeIfAbsent(o.stage(), s -> new java.util.ArrayList<>())
          .add(new Card(o, account, next(open, o.stage())));
    }
    model.addAttribute("columns", columns);
    model.addAttribute("won", crm.opportunities().count(OpportunityQuery.all().withStatuses(Set.of(OpportunityStatus.WON))));
    model.addAttribute("lost", crm.opportunities().count(OpportunityQuery.all().withStatuses(Set.of(OpportunityStatus.LOST))));
    return "pipeline";
  }

  @PostMapping("/opportunities/{id}/advance")
  String advance(@PathVariable String id, RedirectAttributes flash) {
    Crm crm = crms.crm();
    Opportunity o = crm.opportunities().get(OpportunityId.parse(id));
    String next = next(openStages(crm), o.stage()).orElseThrow(() -> new dev.rapport.crm.exception.ValidationException(
        "stage", "is the last open stage: win or lose " + o.name() + " instead"));
    crm.opportunities().moveToStage(o.id(), next);
    flash.addFlashAttribute("message", o.name() + " moved to " + next + ".");
    return "redirect:/pipeline";
  }

  @PostMapping("/opportunities/{id}/win")
  String win(@PathVariable String id, RedirectAttributes flash) {
    Opportunity o = crms.crm().opportunities().win(OpportunityId.parse(id));
    flash.addFlashAttribute("message", o.name() + " is won.");
    return "redirect:/pipeline";
  }

  @PostMapping("/opportunities/{id}/lose")
  String lose(@PathVariable String id, RedirectAttributes flash) {
    Opportunity o = crms.crm().opportunities().lose(OpportunityId.parse(id), LostReason.OTHER);
    flash.addFlashAttribute("message", o.name() + " is lost.");
    return "redirect:/pipeline";
  }

  private static List<Stage> openStages(Crm crm) {
    return crm.opportunities().pipeline().stages().stream().filter(s -> s.outcome() == OpportunityStatus.OPEN)
        .toList();
  }

  private static Optional<String> next(List<Stage> open, String stage) {
    for (int i = 0; i < open.size() - 1; i++) {
      if (open.get(i).name().equalsIgnoreCase(stage)) {
        return Optional.of(open.get(i + 1).name());
      }
    }
    return Optional.empty();
  }
}
