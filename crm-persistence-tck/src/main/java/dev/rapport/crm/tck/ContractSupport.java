package dev.rapport.crm.tck;

import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.service.CaseRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.feedback.FeedbackRepository;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.opportunity.OpportunityRepository;
import dev.rapport.crm.Crm;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.opportunity.Opportunity;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The base of every contract test: an adapter's test class extends one of its subclasses and
 * implements {@link #persistence()}.
 *
 * <p>Each test works in its own fresh, random tenant, so a test never sees another test's data
 * and needs no cleanup: an adapter on a real database may return the same {@code Persistence}
 * from every call of {@link #persistence()}.
 */
public abstract class ContractSupport {
  /** Where every test's clock starts. */
  /**
   * The tag of the tests that check the core's own rules (values and lifecycle moves the core
   * refuses before it asks the store anything), which no adapter can change: Rapport runs them on
   * its memory adapter; an adapter's build may leave them out with JUnit's tag filter
   * ({@code <excludedGroups>core-rules</excludedGroups>} in Surefire), as the JPA adapter does.
   */
  public static final String CORE_RULES = "core-rules";

  static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

  Persistence persistence;
  TenantId tenant;
  TestClock clock;
  List<CrmEvent> events;
  Crm crm;

  /** For subclasses. */
  protected ContractSupport() {}

  /**
   * Names the adapter under test on a failure (as a suppressed exception), because a contract run
   * through {@link AdapterContract} is reported under the contract's class whatever the adapter.
   */
  @RegisterExtension
  final TestExecutionExceptionHandler nameTheAdapter = (context, failure) -> {
    failure.addSuppressed(new AdapterUnderTest(adapterName()));
    throw failure;
  };

  /** The name of the adapter under test in failure reports: by default this class's name. */
  String adapterName() {
    return getClass().getName();
  }

  /** Not an error: the name of the adapter a failure happened on. */
  static final class AdapterUnderTest extends Exception {
    private static final long serialVersionUID = 1L;

    AdapterUnderTest(String adapter) {
      super("the adapter under test: " + adapter, null, false, false);
    }
  }

  /**
   * The adapter under test. Called once before each test; may return a new store each time or
   * the same one every time.
   */
  protected abstract Persistence persistence();

  @BeforeEach
  final void setUpContract() {
    persistence = persistence();
    if (persistence == null) {
      throw new IllegalStateException("persistence() returned null");
    }
    tenant = freshTenant();
    clock = TestClock.at(START);
    events = new CopyOnWriteArrayList<>();
    crm = crm(tenant, persistence);
  }

  /** The worlds tables of commands share, by contract class and store: see {@link #sharedWorld}. */
  private static final Map<List<Object>, Shared> SHARED = new ConcurrentHashMap<>();

  /** A shared world and the tenant, clock, events and {@code Crm} it was built with. */
  private record Shared(TenantId tenant, TestClock clock, List<CrmEvent> events, Crm crm, Object world) {}

  /**
   * The world a table of refused commands aims at, built once per contract class and store, in a
   * tenant of its own: every test of the class after the first works in that tenant, with the
   * {@code Crm}, clock and event list the world was built with (the events cleared). A row of
   * such a table checks that it leaves the store exactly as it was, so rows can share one world
   * (on a database, building it per row took most of the tables' time). A store returned new for
   * every test gets a new world every time.
   */
  @SuppressWarnings("unchecked")
  <W> W sharedWorld(Supplier<W> build) {
    Shared shared = SHARED.computeIfAbsent(List.of(getClass(), persistence),
        key -> new Shared(tenant, clock, events, crm, build.get()));
    tenant = shared.tenant();
    clock = shared.clock();
    events = shared.events();
    crm = shared.crm();
    events.clear();
    return (W) shared.world();
  }

  /** A tenant id that no other test uses. */
  /**
   * Whether a rejection comes from what the store holds (an unknown id, a stale version, a
   * duplicate): those rows run on every adapter, the others are {@link #CORE_RULES}.
   */
  static boolean refusedByTheStore(Class<?> rejection) {
    return NotFoundException.class.isAssignableFrom(rejection)
        || ConcurrentUpdateException.class.isAssignableFrom(rejection)
        || DuplicateException.class.isAssignableFrom(rejection);
  }

  /**
   * The rows of a refused-command table (name, expected exception, ...) that the store refuses
   * ({@code store}) or the core does.
   */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> byWhoRefuses(
      java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> rows, boolean store) {
    return rows.filter(row -> refusedByTheStore((Class<?>) row.get()[1]) == store);
  }

  /** {@code record} with another version, as an adapter stores it. */
  @SuppressWarnings("unchecked")
  static <R extends Record> R versioned(R record, long version) {
    return Versions.of((Class<R>) record.getClass()).with(record, version);
  }

  static TenantId freshTenant() {
    return TenantId.of("tck-" + UUID.randomUUID());
  }

  /** A {@code Crm} of the given tenant on the given store, on this test's clock and event list. */
  Crm crm(TenantId t, Persistence p) {
    return Crm.builder().persistence(p).tenant(t).clock(clock).listener(events::add).build();
  }

  /** Runs work in a unit of work of this test's tenant, on the adapter directly. */
  <T> T inUnitOfWork(Function<UnitOfWork, T> work) {
    return persistence.inUnitOfWork(tenant, work);
  }

  /** The stored lead with this id, read in its own unit of work. */
  Optional<Lead> storedLead(LeadId id) {
    return persistence.inUnitOfWork(tenant, uow -> uow.port(LeadRepository.class).find(id));
  }

  /** The stored contact with this id, read in its own unit of work. */
  Optional<Contact> storedContact(ContactId id) {
    return persistence.inUnitOfWork(tenant, uow -> uow.port(ContactRepository.class).find(id));
  }

  /** The stored account with this id, read in its own unit of work. */
  Optional<Account> storedAccount(AccountId id) {
    return persistence.inUnitOfWork(tenant, uow -> uow.port(AccountRepository.class).find(id));
  }

  /** The stored opportunity with this id, read in its own unit of work. */
  Optional<Opportunity> storedOpportunity(OpportunityId id) {
    return persistence.inUnitOfWork(tenant, uow -> uow.port(OpportunityRepository.class).find(id));
  }

  /** The stored service case with this id, read in its own unit of work. */
  Optional<dev.rapport.crm.service.ServiceCase> storedCase(dev.rapport.crm.common.CaseId id) {
    return persistence.inUnitOfWork(tenant, uow -> uow.port(CaseRepository.class).find(id));
  }

  /** The stored feedback answer with this id, read in its own unit of work. */
  Optional<dev.rapport.crm.feedback.Feedback> storedFeedback(dev.rapport.crm.common.FeedbackId id) {
    return persistence.inUnitOfWork(tenant, uow -> uow.port(FeedbackRepository.class).find(id));
  }

  /** Everything this test's tenant has stored. */
  StoreSnapshot snapshot() {
    return StoreSnapshot.capture(persistence, tenant);
  }
}
