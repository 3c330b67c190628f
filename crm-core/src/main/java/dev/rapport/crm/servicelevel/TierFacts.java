package dev.rapport.crm.servicelevel;

import dev.rapport.crm.analytics.AnalyticsService;
import dev.rapport.crm.analytics.ChurnRisk;
import dev.rapport.crm.analytics.CustomerRfm;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.Segment;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.internal.context.CrmContext;
import dev.rapport.crm.internal.context.Services;
import dev.rapport.crm.sales.CustomerRank;
import dev.rapport.crm.sales.PayerClass;
import dev.rapport.crm.sales.SalesRepository;
import dev.rapport.crm.sales.SalesService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules of a policy know of the tenant's accounts, gathered once per re-tiering call:
 * only the facts its rules use, each from the service that owns it.
 */
final class TierFacts {
  /** The facts of one account. */
  record Of(Optional<Segment> segment, Optional<Integer> bestRank, Optional<BigDecimal> revenue, PayerClass payerClass,
      Optional<ChurnRisk.Level> churn, CustomFields fields) {}

  private final Map<AccountId, CustomerRfm> rfm = new HashMap<>();
  private final Map<AccountId, Integer> best = new HashMap<>();
  private final Map<AccountId, PayerClass> payers = new HashMap<>();
  private final Map<AccountId, ChurnRisk.Level> churn = new HashMap<>();

  static TierFacts gather(CrmContext ctx, ServicePolicy policy) {
    TierFacts f = new TierFacts();
    Set<TierRule.Kind> kinds = policy.kinds();
    LocalDate today = ctx.today();
    LocalDate from = today.minusDays(policy.lookbackDays() - 1L);
    if (kinds.contains(TierRule.Kind.SEGMENT) || kinds.contains(TierRule.Kind.REVENUE)) {
      Services.create(AnalyticsService.class, ctx).segmentation(Period.of(from, today)).customers()
          .forEach(c -> f.rfm.put(c.accountId(), c));
    }
    if (kinds.contains(TierRule.Kind.BEST_CUSTOMER)) {
      int top = policy.tiers().stream().flatMap(t -> t.rules().stream())
          .filter(r -> r.kind() == TierRule.Kind.BEST_CUSTOMER).mapToInt(TierRule::top).max().orElse(1);
      List<CustomerRank> ranks = Services.create(SalesService.class, ctx).bestCustomers(from, today, CustomerRank.By.REVENUE, top);
      for (int i = 0; i < ranks.size(); i++) {
        f.best.put(ranks.get(i).accountId(), i);
      }
    }
    if (kinds.contains(TierRule.Kind.PAYER_CLASS)) {
      f.payers.putAll(ctx.read(uow -> uow.port(SalesRepository.class).payerClasses()));
    }
    if (kinds.contains(TierRule.Kind.CHURN_RISK)) {
      Services.create(AnalyticsService.class, ctx).churnRisk().forEach(r -> f.churn.put(r.accountId(), r.level()));
    }
    return f;
  }

  Of of(Account account) {
    AccountId id = account.id();
    CustomerRfm r = rfm.get(id);
    return new Of(Optional.ofNullable(r).map(CustomerRfm::segment), Optional.ofNullable(best.get(id)),
        Optional.ofNullable(r).map(x -> x.monetary().amount()), payers.getOrDefault(id, PayerClass.ON_TIME),
        Optional.ofNullable(churn.get(id)), account.fields());
  }
}
