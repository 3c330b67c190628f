package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The value storm reaches every command and query of every feature: each public method of each
 * service that {@link Crm} hands out is called somewhere in {@link ValueStormContract}, checked in
 * its source as a call on the service's accessor ({@code sales().byAccount(}, or through {@code
 * ifVersion(...)}), so overloads count once. A method added to a service without a storm input
 * fails here, named.
 */
class ValueStormCoverageTest {

  @Test
  void theStormCallsEveryPublicMethodOfEveryService() throws IOException {
    String storm = Files.readString(Path.of("src/main/java/dev/rapport/crm/tck/ValueStormContract.java"));
    List<String> services = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Method accessor : Crm.class.getMethods()) {
      Class<?> service = accessor.getReturnType();
      if (accessor.getParameterCount() != 0 || !service.getSimpleName().endsWith("Service")) {
        continue;
      }
      services.add(service.getSimpleName());
      for (Method m : service.getDeclaredMethods()) {
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("\\b" + accessor.getName()
            + "\\(\\)(\\.ifVersion\\([^)]*\\))?\\." + m.getName() + "\\(");
        if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
            && !call.matcher(storm).find()) {
          missing.add(service.getSimpleName() + "." + m.getName());
        }
      }
    }
    assertThat(services).hasSizeGreaterThanOrEqualTo(12);
    assertThat(missing).as("service methods no storm input calls").isEmpty();
  }
}
