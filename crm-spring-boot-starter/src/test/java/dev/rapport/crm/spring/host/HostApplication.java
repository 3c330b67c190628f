package dev.rapport.crm.spring.host;

import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.CrmEventListener;
import dev.rapport.crm.spring.CrmProvider;
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

  /**
   * A listener that itself uses the CRM, as a host's follow-up rule would: the provider looks
   * listeners up only when it builds a tenant's {@code Crm}, so this makes no cycle.
   */
  @Bean
  CrmEventListener followUp(CrmProvider crms, HeardEvents heard) {
    return event -> heard.followedUp.add(crms.crm(event.tenantId()).tenant());
  }

  /** The events a listener of the host heard, in order. */
  public static final class HeardEvents implements CrmEventListener {
    private final List<CrmEvent> events = new CopyOnWriteArrayList<>();
    /** The tenants whose CRM the follow-up listener reached. */
    public final List<TenantId> followedUp = new CopyOnWriteArrayList<>();

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
