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
 * runs with {@code java --module-path ... -m}; the core's internal package stays closed to it.
 * The module path is what the host module requires, found by the modules' descriptors among the
 * jars (or class directories) of this test's class path.
 */
class ModulePathTest {
  private static final String HOST = "rapport.quickstart";
  private static final String HOST_MODULE_INFO = """
      module rapport.quickstart {
        requires dev.rapport.crm;
        requires dev.rapport.crm.memory;
      }
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
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(),
        "--module-path", join(runtimePath),
        // the module graph the JVM resolved: proves Rapport ran as named modules, not from a class path
        "--show-module-resolution",
        "-m", HOST + "/dev.rapport.crm.examples.QuickStart")
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the quick start ends").isTrue();
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as("exit code; stderr: %s", err).isZero();
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

  /** The published Rapport modules are explicit modules, not jars named by their manifest. */
  @Test
  void rapportsModulesOnTheTestClassPathAreExplicitModules() {
    Map<String, ModuleReference> modules = classPathModules();
    for (String name : List.of("dev.rapport.crm", "dev.rapport.crm.memory", "dev.rapport.crm.jpa")) {
      ModuleDescriptor d = modules.get(name).descriptor();
      assertThat(d.isAutomatic()).as(name).isFalse();
    }
    ModuleDescriptor core = modules.get("dev.rapport.crm").descriptor();
    assertThat(core.exports()).filteredOn(e -> e.source().equals("dev.rapport.crm.internal"))
        .singleElement().satisfies(e -> assertThat(e.targets()).containsExactly("dev.rapport.crm.jpa"));
    assertThat(core.exports()).filteredOn(e -> e.source().equals("dev.rapport.crm.spi"))
        .singleElement().satisfies(e -> assertThat(e.isQualified()).isFalse());
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
