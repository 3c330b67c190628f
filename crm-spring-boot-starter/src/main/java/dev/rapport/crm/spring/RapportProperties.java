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
 * @param flyway how Rapport's tables are made ({@code rapport.flyway.*})
 * @since 0.1
 */
@ConfigurationProperties("rapport")
public record RapportProperties(String tenant, @DefaultValue("EUR") String reportingCurrency,
    @DefaultValue Flyway flyway) {

  /**
   * Rapport's own schema migration.
   *
   * @param enabled whether the starter migrates Rapport's tables with Flyway at startup, in their
   *     own history table rapport_schema_history, beside the host's migrations (default true; it
   *     needs Flyway on the class path)
   * @since 0.1
   */
  public record Flyway(@DefaultValue("true") boolean enabled) {}
}
