package dev.rapport.crm.test;

import dev.rapport.crm.Crm;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.TestClock;
import dev.rapport.crm.spi.Persistence;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that hands each test a fresh {@link Crm} on its own in-memory store, the
 * {@link TestClock} it runs on and the {@link RecordedEvents} it delivered. Nothing is shared
 * between tests: each one starts empty, at the same instant.
 *
 * <p>Declare it and ask for what the test needs as parameters:
 *
 * <pre>{@code
 * @ExtendWith(CrmExtension.class)
 * class LeadsTest {
 *   @Test
 *   void aDemoRequestHeatsALead(Crm crm, TestClock clock, RecordedEvents events) {
 *     Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Ada Lovelace"), LeadSource.WEBINAR).build());
 *     crm.leads().recordSignal(lead.id(), SignalType.DEMO_REQUEST);
 *     assertThat(crm.leads().get(lead.id())).isHot();
 *   }
 * }
 * }</pre>
 *
 * <p>or register a configured one in a field ({@link #crm()}, {@link #clock()} and {@link
 * #events()} then answer inside each test):
 *
 * <pre>{@code
 * @RegisterExtension
 * final CrmExtension rapport = CrmExtension.inMemory()
 *     .startingAt(Instant.parse("2026-03-02T09:00:00Z"))
 *     .tenant("acme")
 *     .configure(b -> b.reportingCurrency("USD"));
 * }</pre>
 *
 * <p>Defaults: tenant {@value #DEFAULT_TENANT}, clock at {@link #DEFAULT_START} in UTC, the memory
 * adapter. An instance registered in a field serves one test at a time; the parameters are safe
 * with parallel tests.
 */
public final class CrmExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  /** The tenant of a test's {@code Crm} unless {@link #tenant} says otherwise. */
  public static final String DEFAULT_TENANT = "test";
  /** Where a test's clock starts unless {@link #startingAt} says otherwise: a Monday, 09:00 UTC. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CrmExtension.class);

  private final String tenant;
  private final Instant start;
  private final Supplier<Persistence> persistence;
  private final Consumer<Crm.Builder> configuration;
  private volatile Fixture current;

  /** For {@code @ExtendWith(CrmExtension.class)}: the defaults. Prefer {@link #inMemory()} in code. */
  public CrmExtension() {
    this(DEFAULT_TENANT, DEFAULT_START, MemoryPersistence::create, b -> {});
  }

  private CrmExtension(String tenant, Instant start, Supplier<Persistence> persistence,
      Consumer<Crm.Builder> configuration) {
    this.tenant = tenant;
    this.start = start;
    this.persistence = persistence;
    this.configuration = configuration;
  }

  /** The defaults: a new in-memory store for each test. */
  public static CrmExtension inMemory() {
    return new CrmExtension();
  }

  /**
   * This extension with each test's {@code Crm} serving {@code tenant}.
   *
   * @throws NullPointerException if the tenant is null
   */
  public CrmExtension tenant(String tenant) {
    return new CrmExtension(Objects.requireNonNull(tenant, "tenant"), start, persistence, configuration);
  }

  /**
   * This extension with each test's clock starting at {@code start}.
   *
   * @throws NullPointerException if the instant is null
   */
  public CrmExtension startingAt(Instant start) {
    return new CrmExtension(tenant, Objects.requireNonNull(start, "start"), persistence, configuration);
  }

  /**
   * This extension with each test's store from {@code persistence} instead of a new in-memory one
   * (say, a JPA adapter on a test database): called once per test.
   *
   * @throws NullPointerException if the supplier is null
   */
  public CrmExtension persistence(Supplier<Persistence> persistence) {
    return new CrmExtension(tenant, start, Objects.requireNonNull(persistence, "persistence"), configuration);
  }

  /**
   * This extension with more configuration of each test's {@code Crm} (pipeline, policies,
   * exchange rates, more listeners), applied after the store, tenant, clock and event recorder
   * are set. Called once per test.
   *
   * @throws NullPointerException if the configuration is null
   */
  public CrmExtension configure(Consumer<Crm.Builder> configuration) {
    Objects.requireNonNull(configuration, "configuration");
    return new CrmExtension(tenant, start, persistence, this.configuration.andThen(configuration));
  }

  /**
   * The running test's {@code Crm}.
   *
   * @throws IllegalStateException outside a test
   */
  public Crm crm() {
    return fixture().crm();
  }

  /**
   * The running test's clock.
   *
   * @throws IllegalStateException outside a test
   */
  public TestClock clock() {
    return fixture().clock();
  }

  /**
   * The events the running test's {@code Crm} delivered so far.
   *
   * @throws IllegalStateException outside a test
   */
  public RecordedEvents events() {
    return fixture().events();
  }

  private Fixture fixture() {
    Fixture f = current;
    if (f == null) {
      throw new IllegalStateException("no test is running: CrmExtension's Crm exists only inside a test");
    }
    return f;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestClock clock = TestClock.at(start);
    RecordedEvents events = new RecordedEvents();
    Persistence store = Objects.requireNonNull(persistence.get(), "the persistence supplier returned null");
    Crm.Builder builder = Crm.builder().persistence(store).tenant(tenant).clock(clock).listener(events);
    configuration.accept(builder);
    Fixture f = new Fixture(builder.build(), clock, events, store);
    context.getStore(NAMESPACE).put(Fixture.class, f);
    current = f;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    current = null;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Crm.class || type == TestClock.class || type == RecordedEvents.class || type == Persistence.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Fixture f = context.getStore(NAMESPACE).get(Fixture.class, Fixture.class);
    if (f == null) {
      throw new ParameterResolutionException("CrmExtension resolves parameters of test methods only, not of "
          + parameter.getDeclaringExecutable());
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == Crm.class) {
      return f.crm();
    } else if (type == TestClock.class) {
      return f.clock();
    } else if (type == RecordedEvents.class) {
      return f.events();
    }
    return f.persistence();
  }

  private record Fixture(Crm crm, TestClock clock, RecordedEvents events, Persistence persistence) {}
}
