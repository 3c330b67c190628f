package dev.rapport.crm.spring;

/**
 * The starter cannot configure Rapport from what the application gives it: Spring Boot reports it
 * at startup as "APPLICATION FAILED TO START" with what is missing and what to do (see
 * {@link RapportFailureAnalyzer}).
 */
final class RapportConfigurationException extends IllegalStateException {
  private final String action;

  RapportConfigurationException(String description, String action) {
    super(description);
    this.action = action;
  }

  String action() {
    return action;
  }
}
