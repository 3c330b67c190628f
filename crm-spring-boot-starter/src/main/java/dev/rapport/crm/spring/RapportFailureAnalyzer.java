package dev.rapport.crm.spring;

import dev.rapport.crm.exception.ValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the starter's start-up failures into Spring Boot's "APPLICATION FAILED TO START" summary,
 * with what is wrong and what to do, instead of a stack trace: a missing tenant (neither a
 * {@link RapportTenantResolver} bean nor {@code rapport.tenant}) and a bad value of a
 * {@code rapport.*} property (an invalid tenant id or reporting currency). Registered in
 * {@code META-INF/spring.factories}.
 *
 * @since 0.1
 */
public final class RapportFailureAnalyzer implements FailureAnalyzer {
  /** Made by Spring Boot. */
  public RapportFailureAnalyzer() {}

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RapportConfigurationException c) {
        return new FailureAnalysis(c.getMessage(), c.action(), c);
      }
      if (t instanceof ValidationException v && v.field().startsWith("rapport.")) {
        return new FailureAnalysis("The property " + v.field() + " is not valid: it " + v.rule() + ".",
            "Correct " + v.field() + " in your application's configuration (for example application.properties).", v);
      }
    }
    return null;
  }
}
