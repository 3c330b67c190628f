package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM names every published module, at the project's version, so no module is forgotten. */
class BomTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void theBomManagesEveryPublishedModuleAtTheProjectsVersion() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("crm-bom/pom.xml"));
    List<String> published = new ArrayList<>();
    Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    while (m.find()) {
      String module = m.group(1);
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      if (!module.equals("crm-bom") && !pom.contains("<rapport.publish.skip>true</rapport.publish.skip>")) {
        published.add(module);
      }
    }
    assertThat(published).contains("crm-core", "crm-persistence-memory", "crm-persistence-jpa");
    for (String module : published) {
      assertThat(bom).as("crm-bom manages " + module).contains("<artifactId>" + module + "</artifactId>");
    }
    assertThat(version(bom)).isEqualTo(version(parent));
  }

  /** The project's own version: the first version after its artifactId. */
  private static String version(String pom) {
    Matcher m = Pattern.compile("<artifactId>(?:rapport-parent|crm-bom)</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(pom);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
