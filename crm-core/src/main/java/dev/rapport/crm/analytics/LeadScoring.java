package dev.rapport.crm.analytics;

import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.lead.ConvertedTo;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.opportunity.OpportunityQuery;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.opportunity.OpportunityStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Predictive lead scoring behind {@link AnalyticsService#trainScoring}, {@link
 * AnalyticsService#score} and {@link AnalyticsService#rescoreLeads}.
 */
final class LeadScoring extends Reporting {
  LeadScoring(CrmContext ctx) {
    super(ctx);
  }

  /** How often a batch of {@link #rescoreLeads} refused for a concurrent change is run (the facade's Javadoc says 3). */
  static final int RESCORE_ATTEMPTS = 3;

  /** See {@link AnalyticsService#trainScoring}. */
  ScoringModel trainScoring() {
    record History(List<Lead> won, List<Lead> lost, Set<String> predictive) {}
    History h = ctx.read(uow -> {
      Map<OpportunityId, OpportunityStatus> closed = new HashMap<>();
      OpportunityQuery ended = OpportunityQuery.all()
          .withStatuses(Set.of(OpportunityStatus.WON, OpportunityStatus.LOST));
      pages(request -> uow.port(OpportunityRepository.class).query(ended, request),
          o -> closed.put(o.id(), o.status()));
      List<Lead> won = new ArrayList<>();
      List<Lead> lost = new ArrayList<>();
      pages(request -> uow.port(LeadRepository.class).query(LeadQuery.all().withStatuses(Set.of(LeadStatus.CONVERTED)), request),
          l -> {
            OpportunityStatus s = l.convertedTo().flatMap(ConvertedTo::opportunityId).map(closed::get).orElse(null);
            if (s == OpportunityStatus.WON) {
              won.add(l);
            } else if (s == OpportunityStatus.LOST) {
              lost.add(l);
            }
          });
      pages(request -> uow.port(LeadRepository.class).query(LeadQuery.all().withStatuses(Set.of(LeadStatus.DISQUALIFIED)), request),
          lost::add);
      Set<String> predictive = new java.util.TreeSet<>();
      uow.port(dev.rapport.crm.field.CustomFieldRepository.class).fields(dev.rapport.crm.field.RecordKind.LEAD).stream()
          .filter(dev.rapport.crm.field.CustomField::predictive).forEach(f -> predictive.add(f.key()));
      return new History(won, lost, predictive);
    });
    return ScoringModel.train(h.won(), h.lost(), ctx.now(), h.predictive());
  }

  /** See {@link AnalyticsService#score}. */
  LeadScore score(ScoringModel model, LeadId leadId) {
    Check.notNull(model, "model");
    Check.notNull(leadId, "leadId");
    Lead lead = ctx.read(uow -> uow.port(LeadRepository.class).find(leadId)).orElseThrow(() -> new NotFoundException("lead", leadId));
    return model.score(lead, ctx.now());
  }

  /** See {@link AnalyticsService#rescoreLeads}. */
  Rescored rescoreLeads(ScoringModel model, int batchSize) {
    Check.notNull(model, "model");
    Check.range(batchSize, "batchSize", 1, PageRequest.MAX_SIZE);
    LeadQuery open = LeadQuery.all().withStatuses(
        Set.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.NURTURING, LeadStatus.QUALIFIED));
    long leads = 0;
    long changed = 0;
    long skipped = 0;
    int batches = 0;
    Optional<PageRequest> next = Optional.of(PageRequest.first(batchSize));
    while (next.isPresent()) {
      PageRequest request = next.get();
      Page<Lead> page = null;
      long[] written = {0};
      for (int attempt = 1; page == null; attempt++) {
        try {
          written[0] = 0;
          page = ctx.command(cmd -> {
            Page<Lead> p = cmd.uow().port(LeadRepository.class).query(open, request);
            Instant now = ctx.now();
            for (Lead lead : p.items()) {
              int percent = model.score(lead, now).percent();
              if (percent != lead.score()) {
                cmd.uow().port(LeadRepository.class).update(lead.withScore(percent, now));
                written[0]++;
              }
            }
            return p;
          });
          leads += page.items().size();
          changed += written[0];
        } catch (ConcurrentUpdateException e) {
          if (attempt >= RESCORE_ATTEMPTS) {
            page = ctx.read(uow -> uow.port(LeadRepository.class).query(open, request));
            skipped += page.items().size();
          }
        }
      }
      batches++;
      next = request.next(page);
    }
    return new Rescored(leads, changed, skipped, batches);
  }

  private static <T> void pages(java.util.function.Function<PageRequest, Page<T>> query,
      java.util.function.Consumer<T> each) {
    Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
    while (next.isPresent()) {
      Page<T> page = query.apply(next.get());
      page.items().forEach(each);
      next = next.get().next(page);
    }
  }
}
