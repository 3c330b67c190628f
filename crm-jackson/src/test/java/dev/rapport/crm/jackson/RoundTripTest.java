package dev.rapport.crm.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PhoneNumber;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.lead.LeadCaptured;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.SignalType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public type of crm-core (found by {@link PublicTypes}, never listed by hand) survives
 * {@code readValue(writeValueAsString(x), type)}: generated samples of each, and the real objects
 * of a {@link Scenario} on an in-memory Crm. A type without a sample fails, named.
 */
class RoundTripTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new RapportModule()).build();
  private static final Scenario SCENARIO = new Scenario().run();

  @Test
  void theScanFindsTheApiAndNothingInternal() {
    List<Class<?>> types = PublicTypes.all();
    assertThat(types).contains(LeadId.class, Lead.class, Money.class, EmailAddress.class, PhoneNumber.class,
        LeadCaptured.class, LeadStatus.class, SignalType.Intent.class, Page.class);
    assertThat(types).hasSizeGreaterThan(100);
    assertThat(types).allSatisfy(t -> assertThat(t.getName()).doesNotContain(".internal.", ".spi."));
    assertThat(types).containsAll(dev.rapport.crm.Crm.eventTypes());
    assertThat(PublicTypes.commands()).containsExactly(Conversion.class);
  }

  @TestFactory
  Stream<DynamicTest> everyPublicTypeRoundTrips() {
    Map<Class<?>, List<Object>> real = harvest(SCENARIO.results, SCENARIO.events);
    return PublicTypes.all().stream().map(type -> dynamicTest(type.getName(), () -> {
      List<String> failures = new ArrayList<>();
      List<Object> samples = new ArrayList<>(Samples.of(type, failures));
      samples.addAll(real.getOrDefault(type, List.of()));
      assertThat(samples).as("%s has no sample; the generator said %s", type.getName(), failures).isNotEmpty();
      for (Object sample : samples) {
        assertRoundTrip(type, sample);
      }
    }));
  }

  @Test
  void theScenarioDeliveredEventsAndEachReadsBackAsCrmEvent() throws Exception {
    assertThat(SCENARIO.events).hasSizeGreaterThan(30);
    for (CrmEvent e : SCENARIO.events) {
      String json = MAPPER.writeValueAsString(e);
      assertThat(MAPPER.readValue(json, CrmEvent.class)).as(json).isEqualTo(e);
      assertThat(MAPPER.readTree(json).get("eventType").asText()).isEqualTo(e.getClass().getSimpleName());
    }
    // a batch, as a broker message or an outbox page carries them
    String batch = MAPPER.writeValueAsString(SCENARIO.events);
    assertThat(MAPPER.readValue(batch, new TypeReference<List<CrmEvent>>() {})).isEqualTo(SCENARIO.events);
  }

  @Test
  void theScenarioCoversTheAggregatesForReal() {
    Map<Class<?>, List<Object>> real = harvest(SCENARIO.results, SCENARIO.events);
    assertThat(real.keySet()).contains(Lead.class, dev.rapport.crm.contact.Contact.class,
        dev.rapport.crm.contact.Account.class, dev.rapport.crm.opportunity.Opportunity.class,
        dev.rapport.crm.campaign.Campaign.class, dev.rapport.crm.sales.Sale.class,
        dev.rapport.crm.sales.Payment.class, dev.rapport.crm.service.ServiceCase.class,
        dev.rapport.crm.feedback.Feedback.class, dev.rapport.crm.activity.TimelineItem.class,
        dev.rapport.crm.analytics.Forecast.class, dev.rapport.crm.lead.ConversionResult.class);
  }

  private static void assertRoundTrip(Class<?> type, Object sample) throws Exception {
    JavaType javaType = javaType(type, sample);
    String json = MAPPER.writerFor(javaType).writeValueAsString(sample);
    Object back;
    try {
      back = MAPPER.readValue(json, javaType);
    } catch (Exception e) {
      throw new AssertionError(type.getName() + " cannot read back " + json + ": " + e, e);
    }
    assertThat(back).as("%s from %s", type.getName(), json).isEqualTo(sample);
    if (sample instanceof CrmEvent) {
      assertThat(MAPPER.readValue(json, CrmEvent.class)).as("%s as CrmEvent from %s", type.getName(), json)
          .isEqualTo(sample);
    }
  }

  /** The type to read back: a page (a recorded value, a duplicate match or cluster) of what it holds. */
  private static JavaType javaType(Class<?> type, Object sample) {
    if (sample instanceof Page<?> page && !page.items().isEmpty()) {
      return MAPPER.getTypeFactory().constructParametricType(Page.class, page.items().get(0).getClass());
    }
    if (sample instanceof dev.rapport.crm.dedupe.DuplicateMatch<?> m) {
      return MAPPER.getTypeFactory().constructParametricType(dev.rapport.crm.dedupe.DuplicateMatch.class, m.id().getClass());
    }
    if (sample instanceof dev.rapport.crm.dedupe.DuplicateCluster<?> c && !c.members().isEmpty()) {
      return MAPPER.getTypeFactory().constructParametricType(dev.rapport.crm.dedupe.DuplicateCluster.class,
          c.members().get(0).getClass());
    }
    if (sample instanceof dev.rapport.crm.common.Recorded<?> r) {
      return MAPPER.getTypeFactory().constructParametricType(dev.rapport.crm.common.Recorded.class, r.value().getClass());
    }
    return MAPPER.getTypeFactory().constructType(type);
  }

  /** Every public-type value inside the scenario's results, by type (records, options, collections walked). */
  static Map<Class<?>, List<Object>> harvest(List<?> results, List<CrmEvent> events) {
    Set<Class<?>> types = new HashSet<>(PublicTypes.all());
    Map<Class<?>, List<Object>> found = new LinkedHashMap<>();
    for (Object o : results) {
      walk(o, types, found);
    }
    for (Object o : events) {
      walk(o, types, found);
    }
    return found;
  }

  private static void walk(Object o, Set<Class<?>> types, Map<Class<?>, List<Object>> found) {
    if (o == null) {
      return;
    }
    if (o instanceof Optional<?> opt) {
      opt.ifPresent(v -> walk(v, types, found));
      return;
    }
    if (o instanceof Collection<?> c) {
      c.forEach(v -> walk(v, types, found));
      return;
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        walk(k, types, found);
        walk(v, types, found);
      });
      return;
    }
    Class<?> type = o instanceof Enum<?> e ? e.getDeclaringClass() : o.getClass();
    if (types.contains(type)) {
      List<Object> list = found.computeIfAbsent(type, t -> new ArrayList<>());
      if (list.size() < 20 && !list.contains(o)) {
        list.add(o);
      }
    }
    if (type.isRecord()) {
      for (RecordComponent rc : type.getRecordComponents()) {
        try {
          walk(rc.getAccessor().invoke(o), types, found);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
