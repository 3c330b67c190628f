package dev.rapport.crm.spring.host;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.CrmEventListener;
import dev.rapport.crm.spring.RapportTenantResolver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A host as the starter expects one: a Spring Boot application with its own entity
 * ({@link HostOrder}), its own Flyway migration, a service with {@code @Transactional} methods
 * that use Rapport, a tenant per request (here: per thread, {@link RequestTenant}) and a listener.
 */
@SpringBootApplication
public class HostApplication {

  @Bean
  RapportTenantResolver tenantOfTheRequest() {
    return RequestTenant::current;
  }

  @Bean
  HeardEvents heardEvents() {
    return new HeardEvents();
  }

  /** The events a listener of the host heard, in order. */
  public static final class HeardEvents implements CrmEventListener {
    private final List<CrmEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void on(CrmEvent event) {
      events.add(event);
    }

    /** What was heard for one tenant. */
    public List<CrmEvent> of(TenantId tenant) {
      return events.stream().filter(e -> e.tenantId().equals(tenant)).toList();
    }
  }
}
