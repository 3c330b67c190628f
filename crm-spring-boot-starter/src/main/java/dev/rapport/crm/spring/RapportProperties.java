package dev.rapport.crm.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings under {@code rapport.*}.
 *
 * @param tenant the one tenant served when the host defines no {@link RapportTenantResolver}
 *     ({@code rapport.tenant}); 1 to 64 of letters, digits, {@code . _ -}; none by default
 * @param reportingCurrency the ISO 4217 code that totals are reported in
 *     ({@code rapport.reporting-currency}, default {@code EUR})
 * @param actor who commands act for in the audit trail unless the host says {@code crm.as(user)}
 *     ({@code rapport.actor}, default {@code system})
 * @param auditTrail whether every command writes the audit trail ({@code rapport.audit-trail},
 *     default true)
 * @param flyway how Rapport's tables are made ({@code rapport.flyway.*})
 * @param web what the starter adds to a web application ({@code rapport.web.*})
 * @since 0.1
 */
@ConfigurationProperties("rapport")
public record RapportProperties(String tenant, @DefaultValue("EUR") String reportingCurrency,
    @DefaultValue("system") String actor, @DefaultValue("true") boolean auditTrail,
    @DefaultValue Flyway flyway, @DefaultValue Web web) {

  /**
   * Rapport's own schema migration.
   *
   * @param enabled whether the starter migrates Rapport's tables with Flyway at startup, in their
   *     own history table rapport_schema_history, beside the host's migrations (default true; it
   *     needs Flyway on the class path)
   * @since 0.1
   */
  public record Flyway(@DefaultValue("true") boolean enabled) {}

  /**
   * Rapport at the web edge of a servlet application.
   *
   * @param problemDetails whether Rapport's exceptions are answered as RFC 9457 problem details
   *     ({@code rapport.web.problem-details}, default false)
   * @param report the analytics report page ({@code rapport.web.report.*})
   * @since 0.1
   */
  public record Web(@DefaultValue("false") boolean problemDetails, @DefaultValue Report report) {}

  /**
   * The analytics report page of crm-reports.
   *
   * @param path where the current tenant's report is served, e.g. {@code /crm/report}
   *     ({@code rapport.web.report.path}); none by default, and then no page. The host's security
   *     applies to it.
   * @since 0.1
   */
  public record Report(String path) {}
}
