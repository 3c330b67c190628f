package dev.rapport.crm.jpa;

import dev.rapport.crm.analytics.ChurnRisk;
import dev.rapport.crm.analytics.Segment;
import dev.rapport.crm.common.BusinessCalendar;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.sales.PayerClass;
import dev.rapport.crm.service.CasePriority;
import dev.rapport.crm.servicelevel.ServicePolicy;
import dev.rapport.crm.servicelevel.ServiceTarget;
import dev.rapport.crm.servicelevel.ServiceTier;
import dev.rapport.crm.servicelevel.TierRule;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A service policy as this adapter stores it (schema version 18): one JSON object of its calendar
 * (zone, periods per day, holidays), tiers (name, least priority, targets per priority as ISO-8601
 * durations, rules), at-risk share and look-back. Sets are written sorted, so a policy always has
 * the same text.
 */
final class PolicyJson {
  private PolicyJson() {}

  static String write(ServicePolicy p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("calendar", calendar(p.calendar()));
    List<Object> tiers = new ArrayList<>();
    for (ServiceTier t : p.tiers()) {
      Map<String, Object> tier = new LinkedHashMap<>();
      tier.put("name", t.name());
      tier.put("minimumPriority", t.minimumPriority().map(Enum::name).orElse(null));
      Map<String, Object> targets = new LinkedHashMap<>();
      t.targets().forEach((prio, target) -> targets.put(prio.name(),
          List.of(target.response().toString(), target.resolution().toString())));
      tier.put("targets", targets);
      tier.put("rules", t.rules().stream().map(PolicyJson::rule).toList());
      tiers.add(tier);
    }
    m.put("tiers", tiers);
    m.put("atRiskPercent", p.atRiskPercent());
    m.put("lookbackDays", p.lookbackDays());
    return Json.write(m);
  }

  private static Map<String, Object> calendar(BusinessCalendar c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("zone", c.zone().getId());
    Map<String, Object> week = new LinkedHashMap<>();
    c.week().forEach((day, hours) -> week.put(day.name(),
        hours.stream().map(h -> List.of(h.from().toString(), h.to().toString())).toList()));
    m.put("week", week);
    m.put("holidays", c.holidays().stream().map(h -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("first", h.first().toString());
      x.put("last", h.last().toString());
      x.put("name", h.name());
      return x;
    }).toList());
    return m;
  }

  private static Map<String, Object> rule(TierRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", r.kind().name());
    m.put("segments", r.segments().stream().map(Enum::name).sorted().toList());
    m.put("top", r.top());
    m.put("revenue", r.revenue().map(x -> List.of(x.amount().toPlainString(), x.currency().getCurrencyCode())).orElse(null));
    m.put("payerClasses", r.payerClasses().stream().map(Enum::name).sorted().toList());
    m.put("churnRisk", r.churnRisk().map(Enum::name).orElse(null));
    m.put("field", r.field().orElse(null));
    m.put("value", r.value().map(v -> List.of(v.type().name(), v.value())).orElse(null));
    return m;
  }

  @SuppressWarnings("unchecked")
  static ServicePolicy read(String text) {
    Map<String, Object> m = (Map<String, Object>) Json.read(text);
    Map<String, Object> cal = (Map<String, Object>) m.get("calendar");
    Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
    ((Map<String, Object>) cal.get("week")).forEach((day, hours) -> week.put(DayOfWeek.valueOf(day),
        ((List<List<String>>) hours).stream()
            .map(h -> new BusinessCalendar.Hours(LocalTime.parse(h.get(0)), LocalTime.parse(h.get(1)))).toList()));
    List<BusinessCalendar.Holiday> holidays = ((List<Map<String, Object>>) cal.get("holidays")).stream()
        .map(h -> new BusinessCalendar.Holiday(LocalDate.parse((String) h.get("first")),
            LocalDate.parse((String) h.get("last")), (String) h.get("name"))).toList();
    BusinessCalendar calendar = BusinessCalendar.of(ZoneId.of((String) cal.get("zone")), week, holidays);
    List<ServiceTier> tiers = new ArrayList<>();
    for (Map<String, Object> t : (List<Map<String, Object>>) m.get("tiers")) {
      Map<CasePriority, ServiceTarget> targets = new EnumMap<>(CasePriority.class);
      ((Map<String, Object>) t.get("targets")).forEach((prio, pair) -> targets.put(CasePriority.valueOf(prio),
          new ServiceTarget(Duration.parse(((List<String>) pair).get(0)), Duration.parse(((List<String>) pair).get(1)))));
      List<TierRule> rules = ((List<Map<String, Object>>) t.get("rules")).stream().map(PolicyJson::rule).toList();
      tiers.add(new ServiceTier((String) t.get("name"), rules,
          Optional.ofNullable((String) t.get("minimumPriority")).map(CasePriority::valueOf), targets));
    }
    return new ServicePolicy(calendar, tiers, ((Number) m.get("atRiskPercent")).intValue(),
        ((Number) m.get("lookbackDays")).intValue());
  }

  @SuppressWarnings("unchecked")
  private static TierRule rule(Map<String, Object> r) {
    List<String> revenue = (List<String>) r.get("revenue");
    List<String> value = (List<String>) r.get("value");
    return new TierRule(TierRule.Kind.valueOf((String) r.get("kind")),
        ((List<String>) r.get("segments")).stream().map(Segment::valueOf).collect(Collectors.toSet()),
        ((Number) r.get("top")).intValue(),
        Optional.ofNullable(revenue).map(x -> new Money(new BigDecimal(x.get(0)), Currency.getInstance(x.get(1)))),
        ((List<String>) r.get("payerClasses")).stream().map(PayerClass::valueOf).collect(Collectors.toSet()),
        Optional.ofNullable((String) r.get("churnRisk")).map(ChurnRisk.Level::valueOf),
        Optional.ofNullable((String) r.get("field")),
        Optional.ofNullable(value).map(x -> new FieldValue(FieldType.valueOf(x.get(0)), x.get(1))));
  }

}
