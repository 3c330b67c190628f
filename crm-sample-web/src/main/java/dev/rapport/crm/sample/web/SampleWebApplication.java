package dev.rapport.crm.sample.web;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A small web host of Rapport: Spring MVC pages rendered by Thymeleaf on an in-memory H2
 * database, with Rapport configured by {@code crm-spring-boot-starter} for the one tenant of
 * {@code rapport.tenant}. Run it with {@code ./mvnw -q -pl crm-sample-web -am -DskipTests package
 * exec:java} and open http://localhost:8080.
 */
@SpringBootApplication
public class SampleWebApplication {

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(SampleWebApplication.class, args);
  }

  /** The clock of the CRM (the starter uses this bean) and of the pages' default periods. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
