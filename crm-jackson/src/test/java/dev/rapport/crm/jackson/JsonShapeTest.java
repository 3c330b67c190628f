package dev.rapport.crm.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.activity.Activity;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.lead.LeadCaptured;
import dev.rapport.crm.opportunity.OpportunityWon;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.SignalType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON a REST client or a broker's consumer sees, and how bad JSON is refused. */
class JsonShapeTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new RapportModule()).build();
  private static final String LEAD_ID = "0190f5a2-7c4e-7d2a-9b1c-3f4e5d6a7b8c";

  @Test
  void anEventIsAFlatObjectWithItsTypeScalarsAndIsoInstants() throws Exception {
    LeadCaptured captured = new LeadCaptured(TenantId.of("acme"), Instant.parse("2026-01-05T09:00:00Z"),
        LeadId.parse(LEAD_ID), LeadSource.WEBINAR);
    String json = MAPPER.writeValueAsString(captured);

    assertThat(json).isEqualTo("{\"eventType\":\"LeadCaptured\",\"tenantId\":\"acme\","
        + "\"occurredAt\":\"2026-01-05T09:00:00Z\",\"leadId\":\"" + LEAD_ID + "\",\"source\":\"webinar\"}");
    assertThat(MAPPER.readValue(json, CrmEvent.class)).isEqualTo(captured);
    assertThat(MAPPER.readValue(json, LeadCaptured.class)).isEqualTo(captured);
  }

  @Test
  void moneyIsAnAmountStringAtItsScaleAndACurrency() throws Exception {
    OpportunityWon won = new OpportunityWon(TenantId.of("acme"), Instant.parse("2026-01-05T09:00:00.250Z"),
        OpportunityId.parse(LEAD_ID), AccountId.parse(LEAD_ID), Money.of("18000", "EUR"));
    assertThat(MAPPER.writeValueAsString(won)).isEqualTo("{\"eventType\":\"OpportunityWon\",\"tenantId\":\"acme\","
        + "\"occurredAt\":\"2026-01-05T09:00:00.250Z\",\"opportunityId\":\"" + LEAD_ID + "\",\"accountId\":\""
        + LEAD_ID + "\",\"amount\":{\"amount\":\"18000.00\",\"currency\":\"EUR\"}}");
    assertThat(MAPPER.writeValueAsString(Money.of("1500", "JPY"))).isEqualTo("{\"amount\":\"1500\",\"currency\":\"JPY\"}");
  }

  @Test
  void decimalsOfRecordsAreStringsLikeMoneyAndNumbersReadToo() throws Exception {
    dev.rapport.crm.sales.SaleLine line = dev.rapport.crm.sales.SaleLine.of("PAPER", new java.math.BigDecimal("2.50"),
        Money.of("4.00", "EUR"));
    String json = MAPPER.writeValueAsString(line);
    assertThat(json).isEqualTo("{\"productCode\":\"PAPER\",\"description\":null,\"quantity\":\"2.5\","
        + "\"unitPrice\":{\"amount\":\"4.00\",\"currency\":\"EUR\"},"
        + "\"amount\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},\"unitCost\":null}");
    assertThat(MAPPER.readValue(json, dev.rapport.crm.sales.SaleLine.class)).isEqualTo(line);
    assertThat(MAPPER.readValue(json.replace("\"2.5\"", "2.50"), dev.rapport.crm.sales.SaleLine.class)).isEqualTo(line);
  }

  @Test
  void aRejectionInsideAListIsNamedByItsWholePath() throws Exception {
    String good = "{\"productCode\":\"A\",\"description\":null,\"quantity\":\"1\","
        + "\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"unitCost\":null}";
    String json = "{\"reference\":\"INV-1\",\"accountId\":\"" + LEAD_ID + "\",\"corrects\":null,"
        + "\"issuedOn\":\"2026-01-05\",\"dueOn\":\"2026-01-05\",\"currency\":\"EUR\",\"lines\":["
        + good + "," + good.replace("\"quantity\":\"1\"", "\"quantity\":\"0\"") + "],"
        + "\"total\":{\"amount\":\"2.00\",\"currency\":\"EUR\"}}";
    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
        () -> MAPPER.readValue(json, dev.rapport.crm.sales.NewSale.class));
    assertThat(failure).isInstanceOf(JsonMappingException.class);
    assertThat(RapportModule.rejection(failure)).hasValueSatisfying(v -> {
      assertThat(v.field()).isEqualTo("lines[1].quantity");
      assertThat(v.rule()).isEqualTo("must not be zero");
    });
    assertThat(RapportModule.rejection(new IllegalStateException("no"))).isEmpty();
    ValidationException plain = new ValidationException("name", "must not be blank");
    assertThat(RapportModule.rejection(plain)).containsSame(plain);
  }

  @Test
  void aLeadLooksAsDocumented() throws Exception {
    Scenario s = new Scenario().run();
    Lead ada = (Lead) s.results.stream().filter(Lead.class::isInstance).findFirst().orElseThrow();
    JsonNode n = MAPPER.readTree(MAPPER.writeValueAsString(ada));

    assertThat(n.get("id").textValue()).isEqualTo(ada.id().toString());
    assertThat(n.get("tenantId").textValue()).isEqualTo("acme-books");
    assertThat(n.get("version").isIntegralNumber()).isTrue();
    assertThat(n.get("name").get("givenName").textValue()).isEqualTo("Ada");
    assertThat(n.get("name").get("familyName").textValue()).isEqualTo("Lovelace");
    assertThat(n.get("email").textValue()).isEqualTo("ada@analytical-engines.example");
    assertThat(n.get("phone").textValue()).isEqualTo("+442071838750");
    assertThat(n.get("company").textValue()).isEqualTo("Analytical Engines Ltd");
    assertThat(n.get("title").isNull()).isTrue();
    assertThat(n.get("source").textValue()).isEqualTo("webinar");
    assertThat(n.get("status").textValue()).isEqualTo("NEW");
    assertThat(n.get("temperature").textValue()).isEqualTo(ada.temperature().name());
    assertThat(n.get("score").isInt()).isTrue();
    assertThat(n.get("createdAt").textValue()).isEqualTo("2026-11-01T09:00:00Z");
    assertThat(n.get("campaign").textValue()).isEqualTo(ada.campaign().orElseThrow().toString());
    assertThat(n.get("convertedTo").isNull()).isTrue();
    assertThat(n.get("signals")).isEmpty();
    // only the record's components, in their order
    assertThat(n.fieldNames()).toIterable().containsExactly(Arrays.stream(Lead.class.getRecordComponents())
        .map(RecordComponent::getName).toArray(String[]::new));
  }

  @Test
  void aWellKnownSignalTypeIsItsCodeAHostsOwnKeepsItsIntent() throws Exception {
    assertThat(MAPPER.writeValueAsString(SignalType.DEMO_REQUEST)).isEqualTo("\"demo_request\"");
    SignalType own = SignalType.of("podcast_listened", SignalType.Intent.MARKETING);
    assertThat(MAPPER.writeValueAsString(own)).isEqualTo("{\"code\":\"podcast_listened\",\"intent\":\"MARKETING\"}");
    assertThat(MAPPER.readValue("\"demo_request\"", SignalType.class)).isSameAs(SignalType.DEMO_REQUEST);
    assertThat(MAPPER.writeValueAsString(ResponseStatus.ATTENDED)).isEqualTo("\"attended\"");
    assertThatThrownBy(() -> MAPPER.readValue("\"podcast_listened\"", SignalType.class))
        .isInstanceOf(ValueInstantiationException.class)
        .cause().isInstanceOf(ValidationException.class).hasMessageContaining("signalType");
  }

  @Test
  void jsonThatBreaksARuleFailsWithTheValidationExceptionNamingTheField() {
    String badSource = "{\"eventType\":\"LeadCaptured\",\"tenantId\":\"acme\",\"occurredAt\":\"2026-01-05T09:00:00Z\","
        + "\"leadId\":\"" + LEAD_ID + "\",\"source\":\"Web Site!\"}";
    assertField(() -> MAPPER.readValue(badSource, CrmEvent.class), "source");
    assertField(() -> MAPPER.readValue("{\"amount\":\"12.505\",\"currency\":\"EUR\"}", Money.class), "amount");
    assertField(() -> MAPPER.readValue("{\"amount\":\"12.50\",\"currency\":\"EURO\"}", Money.class), "currency");
    assertField(() -> MAPPER.readValue("{\"amount\":\"12.50\"}", Money.class), "currency");
    assertField(() -> MAPPER.readValue("{\"lead\":\"" + LEAD_ID + "\",\"contact\":\"" + LEAD_ID + "\"}",
        MemberId.class), "member");
    assertField(() -> MAPPER.readValue("{\"givenName\":\"Ada\"}", PersonName.class), "name.familyName");
    assertField(() -> MAPPER.readValue("\"not a tenant!\"", TenantId.class), "tenantId");
    assertField(() -> MAPPER.readValue("\"" + LEAD_ID.toUpperCase() + "x\"", LeadId.class), "leadId");
  }

  private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable read, String field) {
    assertThatThrownBy(read).isInstanceOf(JsonMappingException.class)
        .cause().isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.field()).isEqualTo(field));
  }

  @Test
  void singleValueTypesAreMapKeysAsTheirStrings() throws Exception {
    Map<AccountId, Money> owed = new LinkedHashMap<>();
    owed.put(AccountId.parse(LEAD_ID), Money.of("12.50", "EUR"));
    Map<LeadSource, Long> leads = Map.of(LeadSource.WEBINAR, 3L);
    String json = MAPPER.writeValueAsString(owed);
    assertThat(json).isEqualTo("{\"" + LEAD_ID + "\":{\"amount\":\"12.50\",\"currency\":\"EUR\"}}");
    assertThat(MAPPER.readValue(json, new TypeReference<Map<AccountId, Money>>() {})).isEqualTo(owed);
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(leads), new TypeReference<Map<LeadSource, Long>>() {}))
        .isEqualTo(leads);
    assertField(() -> MAPPER.readValue("{\"Web Site\":1}", new TypeReference<Map<LeadSource, Long>>() {}), "source");
  }

  @Test
  void aMissingPrimitiveFailsNamingIt() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"answers\":3,\"satisfied\":1}", dev.rapport.crm.feedback.CsatResult.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("Missing property 'scoreSum' of CsatResult");
  }

  @Test
  void anEmptyOptionalIsNullAndNullOrAbsentReadsBackEmpty() throws Exception {
    assertThat(MAPPER.writeValueAsString(PersonName.of("Turing")))
        .isEqualTo("{\"givenName\":null,\"familyName\":\"Turing\"}");
    assertThat(MAPPER.readValue("{\"givenName\":null,\"familyName\":\"Turing\"}", PersonName.class))
        .isEqualTo(PersonName.of("Turing"));
    assertThat(MAPPER.readValue("{\"familyName\":\"Turing\"}", PersonName.class)).isEqualTo(PersonName.of("Turing"));
  }

  @Test
  void anAmountMayBeANumberReadExactly() throws Exception {
    assertThat(MAPPER.readValue("{\"amount\":12.5,\"currency\":\"EUR\"}", Money.class)).isEqualTo(Money.of("12.50", "EUR"));
    assertThat(MAPPER.readValue("{\"currency\":\"EUR\",\"amount\":99999999999999.99}", Money.class))
        .isEqualTo(Money.of("99999999999999.99", "EUR"));
  }

  @Test
  void unknownEventTypesAndPropertiesAreRefused() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"eventType\":\"LeadExploded\"}", CrmEvent.class))
        .isInstanceOf(InvalidTypeIdException.class);
    assertThatThrownBy(() -> MAPPER.readValue("{\"familyName\":\"Turing\",\"nickname\":\"Alan\"}", PersonName.class))
        .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("nickname");
  }

  @Test
  void noEventHasAComponentNamedLikeTheTypeProperty() {
    for (Class<?> event : dev.rapport.crm.Crm.eventTypes()) {
      assertThat(event.getRecordComponents()).extracting(RecordComponent::getName)
          .as(event.getName()).doesNotContain("eventType");
    }
  }

  @Test
  void findAndRegisterModulesFindsItAndDatesAreIsoWhateverTheMappersFeatures() throws Exception {
    ObjectMapper found = new ObjectMapper().findAndRegisterModules();
    assertThat(found.getRegisteredModuleIds()).contains(RapportModule.class.getName());
    assertThat(found.writeValueAsString(LeadId.parse(LEAD_ID))).isEqualTo("\"" + LEAD_ID + "\"");

    // registered beside its own JavaTimeModule, with dates as timestamps: Rapport's stay ISO strings
    ObjectMapper host = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(new RapportModule()).build();
    Scenario s = new Scenario().run();
    Activity call = (Activity) s.results.stream().filter(Activity.class::isInstance).findFirst().orElseThrow();
    JsonNode n = host.readTree(host.writeValueAsString(call));
    assertThat(n.get("occurredAt").textValue()).isEqualTo("2026-11-02T09:00:00Z");
    assertThat(n.get("duration").textValue()).isEqualTo("PT12M");
    assertThat(n.get("direction").textValue()).isEqualTo("INBOUND");
    assertThat(n.get("links").get("lead").isTextual()).isTrue();
    assertThat(n.has("engagement")).as("derived isEngagement() is not a property").isFalse();
    assertThat(host.readValue(host.writeValueAsString(call), Activity.class)).isEqualTo(call);
    // the host's own Instants keep the host's format
    assertThat(host.writeValueAsString(Instant.parse("2026-01-05T09:00:00Z"))).isEqualTo("1767603600.000000000");
  }
}
