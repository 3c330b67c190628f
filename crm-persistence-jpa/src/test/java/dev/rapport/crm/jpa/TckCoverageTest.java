package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.tck.ContractSupport;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every contract of the TCK runs here: for each public abstract contract class there is a
 * {@code Jpa...Test} with a nested subclass for every target. A contract added to the TCK fails
 * this test until the adapter runs it.
 */
class TckCoverageTest {

  @Test
  void everyTckContractRunsOnEveryDatabaseAndProvider() throws Exception {
    List<Class<?>> contracts = contracts();
    assertThat(contracts).isNotEmpty();
    for (Class<?> contract : contracts) {
      String name = "dev.rapport.crm.jpa.Jpa" + contract.getSimpleName().replaceFirst("Contract$", "") + "Test";
      Class<?> test;
      try {
        test = Class.forName(name);
      } catch (ClassNotFoundException e) {
        throw new AssertionError("the TCK contract " + contract.getName() + " does not run on the JPA"
            + " adapter: add " + name + " like JpaRoundTripTest, one nested class per Target", e);
      }
      List<Target> covered = new ArrayList<>();
      for (Class<?> nested : test.getDeclaredClasses()) {
        if (nested.isAnnotationPresent(Nested.class) && contract.isAssignableFrom(nested)) {
          covered.add(targetOf(nested));
        }
      }
      assertThat(covered).as(name).containsExactlyInAnyOrder(Target.values());
    }
  }

  private static Target targetOf(Class<?> nested) {
    String simple = nested.getSimpleName();
    return Arrays.stream(Target.values())
        .filter(t -> t.name().replace("_", "").equalsIgnoreCase(
            simple.replace("MariaDb", "Mariadb").replace("JoiningHostTransactions", "Joining")))
        .findFirst().orElseThrow(() -> new AssertionError("no target named like " + simple));
  }

  private static List<Class<?>> contracts() throws IOException, URISyntaxException, ClassNotFoundException {
    Path location = Path.of(ContractSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        files.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(names::add);
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream().map(e -> e.getName()).forEach(names::add);
      }
    }
    List<Class<?>> contracts = new ArrayList<>();
    for (String n : names) {
      if (n.startsWith("dev/rapport/crm/tck/") && n.endsWith(".class") && !n.contains("$")) {
        Class<?> c = Class.forName(n.replace('/', '.').replaceFirst("\\.class$", ""));
        if (ContractSupport.class.isAssignableFrom(c) && c != ContractSupport.class
            && Modifier.isPublic(c.getModifiers()) && Modifier.isAbstract(c.getModifiers())) {
          contracts.add(c);
        }
      }
    }
    return contracts;
  }
}
