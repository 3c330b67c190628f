package dev.rapport.crm.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.crm.jackson.RapportModule;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rapport at the host's web edge, independent of its store:
 *
 * <ul>
 *   <li>{@code rapportJacksonModule}: crm-jackson's {@link RapportModule} as a bean whenever
 *       crm-jackson and Jackson are on the class path, so Spring Boot registers it with the
 *       {@code ObjectMapper} it builds and a controller can answer with a {@code Lead} or read a
 *       {@code NewSale}. Backs off when the host defines a {@code RapportModule} bean itself.
 *   <li>{@link RapportExceptionHandler} (and {@link RapportJsonProblems} with crm-jackson): Rapport's
 *       exceptions as RFC 9457 problem details, in a servlet web application with
 *       {@code rapport.web.problem-details=true}. Backs off for a host's bean of the same type.
 *   <li>{@code rapportReportController}: crm-reports' analytics report of the current tenant as an
 *       HTML page at {@code rapport.web.report.path} (e.g. {@code /crm/report}), in a servlet web
 *       application with crm-reports on the class path and a {@link CrmProvider}; off unless the
 *       path is set. The host's security applies to it as to any of its pages.
 * </ul>
 *
 * @since 0.1
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
    after = RapportAutoConfiguration.class)
public class RapportWebAutoConfiguration {
  /** Made by Spring Boot. */
  public RapportWebAutoConfiguration() {}

  /** crm-jackson's module for Spring Boot's {@code ObjectMapper}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({RapportModule.class, ObjectMapper.class})
  static class Json {
    @Bean
    @ConditionalOnMissingBean(RapportModule.class)
    RapportModule rapportJacksonModule() {
      return new RapportModule();
    }
  }

  /** The analytics report page, opt-in. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = {"dev.rapport.crm.reports.AnalyticsReport",
      "org.springframework.web.servlet.DispatcherServlet"})
  @ConditionalOnProperty(prefix = "rapport.web.report", name = "path")
  static class Report {
    @Bean
    @ConditionalOnMissingBean(name = "rapportReportController")
    @ConditionalOnBean(CrmProvider.class)
    RapportReportController rapportReportController(CrmProvider crms, ObjectProvider<Clock> clock) {
      return new RapportReportController(crms, clock.getIfUnique(Clock::systemUTC));
    }
  }

  /** The problem details, opt-in. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = {"org.springframework.http.ProblemDetail",
      "org.springframework.web.bind.annotation.RestControllerAdvice"})
  @ConditionalOnProperty(prefix = "rapport.web", name = "problem-details", havingValue = "true")
  static class Problems {
    @Bean
    @ConditionalOnMissingBean(RapportExceptionHandler.class)
    RapportExceptionHandler rapportExceptionHandler() {
      return new RapportExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean(RapportJsonProblems.class)
    @ConditionalOnClass(name = "dev.rapport.crm.jackson.RapportModule")
    RapportJsonProblems rapportJsonProblems() {
      return new RapportJsonProblems();
    }
  }
}
