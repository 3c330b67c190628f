package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rapport on the module path, as a host that is a named module uses it: the quick start, compiled
 * in a module of its own that requires {@code dev.rapport.crm} and {@code dev.rapport.crm.memory},
 * runs with {@code java --module-path ... -m}, and so does a host of the JPA adapter with
 * Hibernate on H2; the core's internal package stays closed to them. The module path is what the
 * host module requires, found by the modules' descriptors among the jars (or class directories)
 * of this test's class path: run it in a reactor build ({@code -am}), not against stale jars.
 */
class ModulePathTest {
  private static final String HOST = "rapport.quickstart";
  private static final String HOST_MODULE_INFO = """
      module rapport.quickstart {
        requires dev.rapport.crm;
        requires dev.rapport.crm.memory;
      }
      """;

  /** A host of the JPA adapter: migrates with Flyway, maps with Hibernate, works a lead, reads the outbox. */
  private static final String JPA_HOST = """
      package host;

      import dev.rapport.crm.Crm;
      import dev.rapport.crm.common.Money;
      import dev.rapport.crm.common.PersonName;
      import dev.rapport.crm.jpa.JpaPersistence;
      import dev.rapport.crm.jpa.OutboxMessage;
      import dev.rapport.crm.jpa.OutboxRelay;
      import dev.rapport.crm.lead.Conversion;
      import dev.rapport.crm.lead.ConversionResult;
      import dev.rapport.crm.lead.Lead;
      import dev.rapport.crm.common.LeadSource;
      import dev.rapport.crm.lead.LeadStatus;
      import dev.rapport.crm.lead.NewLead;
      import dev.rapport.crm.opportunity.NewOpportunity;
      import dev.rapport.crm.opportunity.Opportunity;
      import jakarta.persistence.EntityManagerFactory;
      import jakarta.persistence.Persistence;
      import java.util.Map;
      import java.util.stream.Collectors;
      import org.flywaydb.core.Flyway;

      public final class JpaHost {
        public static void main(String[] args) {
          String url = "jdbc:h2:mem:rapport;DB_CLOSE_DELAY=-1";
          int migrations = Flyway.configure().dataSource(url, "sa", "")
              .locations("classpath:db/rapport/h2").load().migrate().migrationsExecuted;
          EntityManagerFactory emf = Persistence.createEntityManagerFactory("host", Map.of(
              "jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.user", "sa",
              "jakarta.persistence.jdbc.password", ""));
          System.out.println("adapter module: " + JpaPersistence.class.getModule().getName());
          System.out.println("core module: " + Crm.class.getModule().getName());
          System.out.println("provider module: " + (emf.getClass().getModule().isNamed() ? "named" : "unnamed"));
          System.out.println("migrations: " + migrations);

          Crm crm = Crm.builder().persistence(JpaPersistence.create(emf)).tenant("acme").build();
          Lead ada = crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR)
              .email("ada@analytical-engines.example").company("Analytical Engines Ltd").build());
          crm.leads().changeStatus(ada.id(), LeadStatus.CONTACTED);
          crm.leads().changeStatus(ada.id(), LeadStatus.QUALIFIED);
          ConversionResult converted = crm.leads().convert(ada.id(), Conversion.standard()
              .withOpportunity(NewOpportunity.builder("Ledger suite", Money.of("18000", "EUR")).build()));
          crm.opportunities().win(converted.opportunity().orElseThrow().id());

          // read back through a second Crm on the same database
          Crm again = Crm.builder().persistence(JpaPersistence.create(emf)).tenant("acme").build();
          Lead lead = again.leads().get(ada.id());
          Opportunity deal = again.opportunities().get(converted.opportunity().orElseThrow().id());
          System.out.println(lead.name().fullName() + " " + lead.status() + ", opportunity " + deal.name() + " "
              + deal.status() + " " + deal.amount());
          System.out.println("outbox: " + OutboxRelay.create(emf).pending(100).stream()
              .map(OutboxMessage::eventType).collect(Collectors.joining(", ")));
          emf.close();
        }
      }
      """;

  private static final String PERSISTENCE_XML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
        <persistence-unit name="host" transaction-type="RESOURCE_LOCAL">
          <provider>org.hibernate.jpa.HibernatePersistenceProvider</provider>
          <mapping-file>META-INF/rapport-crm-orm.xml</mapping-file>
          <exclude-unlisted-classes>true</exclude-unlisted-classes>
          <properties>
            <property name="hibernate.hbm2ddl.auto" value="validate"/>
            <property name="hibernate.type.java_time_use_direct_jdbc" value="true"/>
          </properties>
        </persistence-unit>
      </persistence>
      """;

  @TempDir
  Path dir;

  @Test
  void theQuickStartRunsAsANamedModuleOnTheModulePath() throws Exception {
    List<Path> modulePath = modulePath(List.of("dev.rapport.crm", "dev.rapport.crm.memory"));
    Path classes = dir.resolve("classes");
    Compilation c = compile(modulePath, classes, Map.of(
        "module-info.java", HOST_MODULE_INFO,
        "dev/rapport/crm/examples/QuickStart.java", quickStartSource()));
    assertThat(c.succeeded).as("javac: %s", c.messages).isTrue();

    List<Path> runtimePath = new ArrayList<>(modulePath);
    runtimePath.add(0, classes);
    Run run = run(List.of("--module-path", join(runtimePath),
        // the module graph the JVM resolved: proves Rapport ran as named modules, not from a class path
        "--show-module-resolution",
        "-m", HOST + "/dev.rapport.crm.examples.QuickStart"));
    String out = run.out;

    assertThat(run.exitCode).as("exit code; stderr: %s", run.err).isZero();
    assertThat(out).contains("root " + HOST + " file:",
        HOST + " requires dev.rapport.crm file:", HOST + " requires dev.rapport.crm.memory file:",
        "dev.rapport.crm.memory requires dev.rapport.crm file:");
    // what the class-path run prints (QuickStartTest)
    assertThat(out).containsPattern("Ada Lovelace\\s+webinar\\s+CONVERTED\\s+HOT");
    assertThat(out).containsPattern("Grace Hopper\\s+newsletter\\s+NEW\\s+WARM");
    assertThat(out).contains("at account \"Analytical Engines Ltd\" (new account: true)");
    assertThat(out).contains("2 members, 2 responses, 1 lead, 1 converted, 1 won for 18000.00 EUR, ROI 14.0000");
    assertThat(out).containsSubsequence("what happened (events delivered after each commit):",
        "LeadConverted", "OpportunityWon", "FeedbackReceived");
  }

  /**
   * The JPA adapter as a named module on H2 with Hibernate: Flyway reads Rapport's scripts out of
   * the module (their packages are open), Hibernate maps the entities (their package is open) and
   * the outbox is written. Hibernate stays on the class path: its jakarta.transaction-api 2.0.1 is
   * an explicit module requiring jakarta.cdi and jakarta.interceptor, which Hibernate's own
   * dependencies leave out. Hibernate defines its lazy-loading proxies in the entities' package,
   * so the adapter's module must read Hibernate's: {@code --add-reads}, as the README says.
   */
  @Test
  void theJpaAdapterRunsAsANamedModuleWithHibernateOnH2() throws Exception {
    List<Path> modulePath = modulePath(List.of("dev.rapport.crm.jpa", "flyway.core"));
    Path classes = dir.resolve("jpa-classes");
    Compilation c = compile(modulePath, classes, Map.of(
        "module-info.java", """
            module rapport.jpahost {
              requires dev.rapport.crm.jpa;
              requires flyway.core; // Flyway 13 names no module: the name comes from its jar's file name
            }
            """,
        "host/JpaHost.java", JPA_HOST));
    assertThat(c.succeeded).as("javac: %s", c.messages).isTrue();
    Files.createDirectories(classes.resolve("META-INF"));
    Files.writeString(classes.resolve("META-INF/persistence.xml"), PERSISTENCE_XML, StandardCharsets.UTF_8);

    List<Path> runtimePath = new ArrayList<>(modulePath);
    runtimePath.add(0, classes);
    Run run = run(List.of("--module-path", join(runtimePath), "--class-path", join(classPathBesides(modulePath)),
        "--add-reads", "dev.rapport.crm.jpa=ALL-UNNAMED", "-m", "rapport.jpahost/host.JpaHost"));

    assertThat(run.exitCode).as("exit code; stderr: %s", run.err).isZero();
    assertThat(run.out).contains("adapter module: dev.rapport.crm.jpa", "core module: dev.rapport.crm",
        "provider module: unnamed",
        "Ada Lovelace CONVERTED, opportunity Ledger suite WON 18000.00 EUR",
        "outbox: LeadCaptured, LeadStatusChanged, LeadStatusChanged, AccountCreated, ContactCreated,"
            + " OpportunityOpened, LeadStatusChanged, LeadConverted, OpportunityStageChanged, OpportunityWon");
    // every shipped script ran (Hibernate validates the schema against the entities, too)
    assertThat(run.out).containsPattern("migrations: [1-9]\\d*\\R");
  }

  @Test
  void aHostModuleCannotReachTheCoresInternalPackage() throws IOException {
    List<Path> modulePath = modulePath(List.of("dev.rapport.crm", "dev.rapport.crm.memory"));
    String peek = """
        package dev.rapport.crm.examples;

        import dev.rapport.crm.internal.IdGenerator;
        import dev.rapport.crm.spi.Persistence;

        final class Peek {
          Object persistence(Persistence p) { // the SPI is API: this line compiles
            return p;
          }

          Object id() {
            return new IdGenerator(java.time.Clock.systemUTC()).next();
          }
        }
        """;
    Compilation c = compile(modulePath, dir.resolve("peek"), Map.of(
        "module-info.java", HOST_MODULE_INFO,
        "dev/rapport/crm/examples/Peek.java", peek));

    assertThat(c.succeeded).isFalse();
    assertThat(c.errors).isNotEmpty().allSatisfy(e -> assertThat(e).contains(
        "package dev.rapport.crm.internal is declared in module dev.rapport.crm, which does not export it"));
  }

  /** The SPI is API for adapter writers; the internal package is the JPA adapter's alone. */
  @Test
  void theCoreExportsTheSpiToAllAndItsInternalPackageOnlyToTheJpaAdapter() {
    Map<String, ModuleReference> modules = classPathModules();
    ModuleDescriptor core = modules.get("dev.rapport.crm").descriptor();
    assertThat(core.exports()).filteredOn(e -> e.source().equals("dev.rapport.crm.internal"))
        .singleElement().satisfies(e -> assertThat(e.targets()).containsExactly("dev.rapport.crm.jpa"));
    assertThat(core.exports()).filteredOn(e -> e.source().equals("dev.rapport.crm.spi"))
        .singleElement().satisfies(e -> assertThat(e.isQualified()).isFalse());
  }

  /** The README's table of Java modules names each module's requires as its descriptor does. */
  @Test
  void theReadmeListsWhatEachModuleRequires() throws IOException {
    String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Java modules"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    Pattern named = Pattern.compile("(\\*\\*)?`([^`]+)`");
    Map<String, ModuleReference> modules = classPathModules();
    List<String> listed = new ArrayList<>();
    for (String row : section.lines().filter(l -> l.startsWith("| `")).toList()) {
      String[] cells = row.split("\\|");
      String name = cells[1].trim().replace("`", "");
      if (cells[3].contains("(automatic module)")) {
        continue;
      }
      listed.add(name);
      Map<String, Boolean> documented = new java.util.TreeMap<>();
      Matcher m = named.matcher(cells[3]);
      while (m.find()) {
        documented.put(m.group(2), m.group(1) != null);
      }
      ModuleReference ref = modules.get(name);
      assertThat(ref).as("module %s on the test class path", name).isNotNull();
      Map<String, Boolean> actual = ref.descriptor().requires().stream()
          .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED))
          .collect(Collectors.toMap(ModuleDescriptor.Requires::name,
              r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE), (a, b) -> a, java.util.TreeMap::new));
      assertThat(documented).as("%s: requires (true: transitive)", name).isEqualTo(actual);
    }
    List<String> explicit = modules.values().stream().map(ModuleReference::descriptor)
        .filter(d -> d.name().startsWith("dev.rapport.crm") && !d.isAutomatic()).map(ModuleDescriptor::name).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(explicit);
  }

  // ---------------------------------------------------------------------------------------------

  private record Compilation(boolean succeeded, List<String> errors, String messages) {}

  private static Compilation compile(List<Path> modulePath, Path out, Map<String, String> sources) throws IOException {
    Path src = out.resolveSibling(out.getFileName() + "-src");
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      files.add(file);
    }
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      // no class path: javac in this JVM would otherwise default to the test's own class path
      fm.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
      boolean ok = javac.getTask(messages, fm, diagnostics,
          List.of("--module-path", join(modulePath), "-d", out.toString(), "-proc:none"),
          null, fm.getJavaFileObjectsFromPaths(files)).call();
      List<String> errors = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(d -> d.getMessage(null)).toList();
      return new Compilation(ok, errors, messages + diagnostics.getDiagnostics().toString());
    }
  }

  private record Run(int exitCode, String out, String err) {}

  /** Runs a JVM like this one with the given options; stdout and stderr are kept apart. */
  private Run run(List<String> options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; changes nothing the programs do
    command.addAll(options);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("still running after 3 minutes: " + command);
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The test class path without the module path and without this module's own classes. */
  private static List<Path> classPathBesides(List<Path> modulePath) {
    List<Path> own = Stream.of(ModulePathTest.class, QuickStart.class)
        .map(k -> Path.of(uri(k.getProtectionDomain().getCodeSource().getLocation()))).toList();
    return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(Path::of).filter(Files::exists)
        .filter(p -> modulePath.stream().noneMatch(m -> same(m, p)) && own.stream().noneMatch(o -> same(o, p)))
        .toList();
  }

  private static java.net.URI uri(java.net.URL url) {
    try {
      return url.toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private static String quickStartSource() throws IOException {
    return Files.readString(Path.of("src/main/java/dev/rapport/crm/examples/QuickStart.java"));
  }

  /** The roots and every module they require, transitively, except the JDK's and static ones. */
  private static List<Path> modulePath(List<String> roots) {
    Map<String, ModuleReference> available = classPathModules();
    Map<String, Path> chosen = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (chosen.containsKey(name) || ModuleFinder.ofSystem().find(name).isPresent()) {
        continue;
      }
      ModuleReference ref = available.get(name);
      assertThat(ref).as("module %s on the test class path", name).isNotNull();
      chosen.put(name, Path.of(ref.location().orElseThrow()));
      ref.descriptor().requires().stream()
          .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
          .forEach(r -> todo.add(r.name()));
    }
    return List.copyOf(chosen.values());
  }

  /** Every class path entry that is a module (explicit or automatic), by its module name. */
  private static Map<String, ModuleReference> classPathModules() {
    Map<String, ModuleReference> modules = new LinkedHashMap<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        continue;
      }
      moduleAt(path).ifPresent(ref -> modules.putIfAbsent(ref.descriptor().name(), ref));
    }
    return modules;
  }

  private static Optional<ModuleReference> moduleAt(Path path) {
    if (Files.isDirectory(path) && !Files.exists(path.resolve("module-info.class"))) {
      return Optional.empty(); // a class directory without a descriptor (this module's own)
    }
    try {
      Stream<ModuleReference> found = ModuleFinder.of(path).findAll().stream();
      return found.findFirst();
    } catch (FindException e) {
      return Optional.empty(); // not usable as a module (no valid name): never needed here
    }
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
  }
}
