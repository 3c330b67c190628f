package dev.rapport.crm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.jackson.RapportModule;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.sales.NewSale;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

/**
 * The web edge a REST host gets from the starter: Rapport's records as JSON in Spring Boot's
 * {@code ObjectMapper}, and (opt-in) Rapport's exceptions as RFC 9457 problem details.
 */
class WebEdgeTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** A host's REST controller over an in-memory Crm. */
  @RestController
  static class Leads {
    final Crm crm = MemoryPersistence.crm(TestClock.at(T0));

    @PostMapping("/leads")
    Lead capture(@RequestBody NewLeadRequest request) {
      return crm.leads().capture(NewLead.builder(PersonName.of(request.name()), LeadSource.WEBINAR)
          .email(request.email()).build());
    }

    @GetMapping("/leads/{id}")
    Lead get(@PathVariable("id") String id) {
      return crm.leads().get(LeadId.parse(id));
    }

    @PostMapping("/leads/{id}/convert")
    Object convertTwice(@PathVariable("id") String id) {
      throw new IllegalTransitionException("lead", "CONVERTED", "CONVERTED", "it was converted on 2026-03-01");
    }

    @PostMapping("/sales")
    String record(@RequestBody NewSale sale) {
      return sale.reference();
    }

    @PostMapping("/stale")
    Object stale() {
      throw new ConcurrentUpdateException("lead", "L-1", 3, 4);
    }

    @PostMapping("/duplicate")
    Object duplicate() {
      throw new DuplicateException("account", "externalReference", "CUST-1");
    }

    @PostMapping("/history")
    Object history() {
      throw new dev.rapport.crm.exception.InsufficientHistoryException(3, 1, 20);
    }

    @PostMapping("/rate")
    Object rate() {
      throw new dev.rapport.crm.exception.MissingExchangeRateException(java.util.Currency.getInstance("USD"),
          java.util.Currency.getInstance("EUR"), java.time.LocalDate.of(2026, 3, 2));
    }

    @PostMapping("/down")
    Object down() {
      throw new StoreException("connection refused: jdbc:postgresql://10.0.0.7/crm password=secret", null);
    }
  }

  record NewLeadRequest(String name, String email) {}

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RapportWebAutoConfiguration.class, JacksonAutoConfiguration.class,
          HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
          DispatcherServletAutoConfiguration.class))
      .withUserConfiguration(Leads.class);

  private static MockMvc mvc(WebApplicationContext context) {
    return MockMvcBuilders.webAppContextSetup(context).build();
  }

  @Test
  void springBootsObjectMapperWritesAndReadsRapportsRecords() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(RapportModule.class);
      assertThat(context.getBean(ObjectMapper.class).getRegisteredModuleIds()).contains(RapportModule.class.getName());
      MockMvc mvc = mvc(context);
      String body = mvc.perform(post("/leads").contentType(MediaType.APPLICATION_JSON)
              .content("{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.email").value("ada@example.com"))
          .andExpect(jsonPath("$.source").value("webinar"))
          .andReturn().getResponse().getContentAsString();
      Lead lead = context.getBean(ObjectMapper.class).readValue(body, Lead.class);
      assertThat(lead).isEqualTo(context.getBean(Leads.class).crm.leads().get(lead.id()));
    });
  }

  @Test
  void aHostsOwnModuleWins() {
    RapportModule own = new RapportModule();
    runner.withBean(RapportModule.class, () -> own).run(context ->
        assertThat(context.getBean(RapportModule.class)).isSameAs(own));
  }

  @Test
  void withoutTheOptInRapportsExceptionsAreLeftToTheHost() {
    runner.run(context -> {
      assertThat(context).doesNotHaveBean(RapportExceptionHandler.class);
      assertThat(context).doesNotHaveBean(RapportJsonProblems.class);
    });
  }

  @Test
  void problemDetailsNameTheFieldPathTheRuleTheStatesAndTheVersions() {
    runner.withPropertyValues("rapport.web.problem-details=true").run(context -> {
      MockMvc mvc = mvc(context);
      mvc.perform(post("/leads").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Ada\",\"email\":\"not an address\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value("urn:rapport:problem:validation"))
          .andExpect(jsonPath("$.status").value(400))
          .andExpect(jsonPath("$.field").value("email"))
          .andExpect(jsonPath("$.rule").value("must be a valid e-mail address"));
      mvc.perform(get("/leads/" + UUID.randomUUID()))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.type").value("urn:rapport:problem:not-found"))
          .andExpect(jsonPath("$.kind").value("lead"));
      mvc.perform(post("/leads/x/convert"))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.type").value("urn:rapport:problem:illegal-transition"))
          .andExpect(jsonPath("$.detail").value("lead is already CONVERTED: it was converted on 2026-03-01"))
          .andExpect(jsonPath("$.from").value("CONVERTED"));
      mvc.perform(post("/stale"))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.type").value("urn:rapport:problem:concurrent-update"))
          .andExpect(jsonPath("$.expectedVersion").value(3))
          .andExpect(jsonPath("$.currentVersion").value(4));
      mvc.perform(post("/duplicate"))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.type").value("urn:rapport:problem:duplicate"))
          .andExpect(jsonPath("$.field").value("externalReference"));
      mvc.perform(post("/history"))
          .andExpect(status().isUnprocessableEntity())
          .andExpect(jsonPath("$.type").value("urn:rapport:problem:insufficient-history"));
      mvc.perform(post("/rate"))
          .andExpect(status().isInternalServerError())
          .andExpect(jsonPath("$.type").value("urn:rapport:problem:missing-exchange-rate"))
          .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("USD")));
      String down = mvc.perform(post("/down"))
          .andExpect(status().isServiceUnavailable())
          .andExpect(jsonPath("$.type").value("urn:rapport:problem:store-unavailable"))
          .andReturn().getResponse().getContentAsString();
      assertThat(down).doesNotContain("secret").doesNotContain("jdbc");
    });
  }

  @Test
  void theReportPageIsServedOnlyAtTheConfiguredPathForTheCurrentTenant() {
    Crm crm = MemoryPersistence.crm(TestClock.at(T0));
    crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR).build());
    CrmProvider provider = new CrmProvider() {
      @Override
      public Crm crm() {
        return crm;
      }

      @Override
      public Crm crm(dev.rapport.crm.common.TenantId tenant) {
        return crm;
      }
    };
    runner.withBean(CrmProvider.class, () -> provider).run(context ->
        assertThat(context).doesNotHaveBean("rapportReportController"));
    runner.withBean(CrmProvider.class, () -> provider)
        .withBean(java.time.Clock.class, () -> java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC))
        .withPropertyValues("rapport.web.report.path=/crm/report").run(context -> {
          MockMvc mvc = mvc(context);
          String page = mvc.perform(get("/crm/report").param("from", "2026-01-01").param("to", "2026-03-31"))
              .andExpect(status().isOk())
              .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
              .andReturn().getResponse().getContentAsString();
          assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains("webinar").doesNotContain("<script");
          assertThat(mvc.perform(get("/crm/report")).andExpect(status().isOk()).andReturn().getResponse()
              .getContentAsString()).contains("2025-09-03").contains("2026-03-02"); // six months up to the clock's today
          mvc.perform(get("/crm/report").param("from", "March"))
              .andExpect(status().isBadRequest())
              .andExpect(content().string("from: must be a day such as 2026-01-31"));
          mvc.perform(get("/crm/report").param("from", "2026-03-31").param("to", "2026-01-01"))
              .andExpect(status().isBadRequest());
        });
  }

  @Test
  void aRecordRefusedWhileReadingTheBodyIsA400WithTheWholePath() {
    runner.withPropertyValues("rapport.web.problem-details=true").run(context -> {
      MockMvc mvc = mvc(context);
      String line = "{\"productCode\":\"A\",\"description\":null,\"quantity\":\"1\",\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},"
          + "\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"unitCost\":null}";
      String sale = "{\"reference\":\"INV-1\",\"accountId\":\"" + AccountId.of(UUID.randomUUID()).value() + "\",\"corrects\":null,"
          + "\"issuedOn\":\"2026-03-02\",\"dueOn\":\"2026-03-02\",\"currency\":\"EUR\",\"lines\":[" + line + ","
          + line.replace("\"quantity\":\"1\"", "\"quantity\":\"0\"") + "],\"total\":{\"amount\":\"2.00\",\"currency\":\"EUR\"}}";
      mvc.perform(post("/sales").contentType(MediaType.APPLICATION_JSON).content(sale))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.field").value("lines[1].quantity"))
          .andExpect(jsonPath("$.rule").value("must not be zero"));
      mvc.perform(post("/sales").contentType(MediaType.APPLICATION_JSON).content("{not json"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.detail").value("Failed to read request"));
      mvc.perform(post("/sales").contentType(MediaType.APPLICATION_JSON).content(sale.replace(",\"quantity\":\"0\"", ",\"quantity\":\"1\"")))
          .andExpect(status().isOk());
    });
  }
}
