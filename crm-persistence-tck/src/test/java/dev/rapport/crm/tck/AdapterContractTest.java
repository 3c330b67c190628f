package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link AdapterContract} runs every contract of the TCK, so that an adapter cannot miss one. */
class AdapterContractTest {

  @Test
  void everyContractIsNestedInTheAdapterContract() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(ContractSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> contracts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path p : files.toList()) {
        String n = classes.relativize(p).toString().replace('\\', '/');
        if (n.startsWith("dev/rapport/crm/tck/") && n.endsWith(".class") && !n.contains("$")) {
          Class<?> c = Class.forName(n.replace('/', '.').replaceFirst("\\.class$", ""));
          if (ContractSupport.class.isAssignableFrom(c) && c != ContractSupport.class
              && Modifier.isPublic(c.getModifiers()) && Modifier.isAbstract(c.getModifiers())) {
            contracts.add(c);
          }
        }
      }
    }
    assertThat(contracts).hasSizeGreaterThan(15);
    List<Class<?>> nested = Arrays.stream(AdapterContract.class.getDeclaredClasses())
        .filter(c -> c.isAnnotationPresent(Nested.class)).<Class<?>>map(Class::getSuperclass).toList();
    assertThat(nested).as("the contracts AdapterContract runs").containsExactlyInAnyOrderElementsOf(contracts);
  }
}
