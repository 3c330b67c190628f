package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java snippet in {@code docs/} that starts with its imports compiles against Rapport's
 * current API, so that a renamed method or a changed signature fails the build instead of a
 * reader. A snippet is compiled as the body of a method whose parameters are the names the docs
 * index ({@code docs/README.md}) says a snippet may use without declaring them: {@code crm},
 * {@code leadId}, {@code contactId}, {@code accountId}, {@code opportunityId}. Snippets are
 * compiled, not run (the examples and the contract tests run the behaviour).
 */
class DocsSnippetsTest {
  private static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final List<String> FEATURE_PAGES = List.of("leads-and-pipeline.md", "accounts-and-contacts.md",
      "activities.md", "campaigns.md", "service-and-feedback.md", "sales.md", "analytics.md",
      "analytics-segmentation.md", "scoring.md", "values.md", "events-and-outbox.md", "architecture.md",
      "reports.md", "rest-api.md", "import-export.md", "duplicates.md", "mail.md", "privacy.md", "audit.md", "search.md",
      "custom-fields.md", "service-levels.md");

  @TestFactory
  Stream<DynamicTest> everySnippetWithImportsCompiles() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> pages = Files.list(DOCS)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        Matcher m = JAVA_BLOCK.matcher(Files.readString(page));
        int n = 0;
        while (m.find()) {
          String block = m.group(1);
          if (block.startsWith("import ")) {
            int index = ++n;
            tests.add(DynamicTest.dynamicTest(page.getFileName() + " snippet " + index,
                () -> assertCompiles(page.getFileName() + "#" + index, block)));
          }
        }
      }
    }
    assertThat(tests).as("compiled snippets in docs/").hasSizeGreaterThanOrEqualTo(17);
    return tests.stream();
  }

  @Test
  void everyFeaturePageStartsWithWhatAUserWantsToDo() throws IOException {
    for (String name : FEATURE_PAGES) {
      String page = Files.readString(DOCS.resolve(name));
      String[] sections = page.split("\n## ");
      assertThat(sections.length).as(name + " has sections").isGreaterThan(1);
      assertThat(sections[1]).as(name + ": the first section").startsWith("I want to");
      assertThat(Files.readString(DOCS.resolve("README.md"))).as("docs/README.md links " + name).contains("(" + name);
    }
  }

  private static void assertCompiles(String name, String block) throws IOException {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : block.split("\n", -1)) {
      if (body.isEmpty() && (line.startsWith("import ") || line.isBlank())) {
        imports.append(line).append('\n');
      } else {
        body.append(line).append('\n');
      }
    }
    String source = "package snippet;\n" + imports
        + "@SuppressWarnings(\"unused\")\n"
        + "class Snippet {\n"
        + "  void run(" + parameters(body.toString()) + ") throws Exception {\n"
        + body
        + "  }\n"
        + "}\n";
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    Path out = Files.createTempDirectory("snippet");
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///snippet/Snippet.java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      };
      boolean ok = javac.getTask(errors, files, null,
          List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none", "-Xlint:none"), null,
          List.of(file)).call();
      assertThat(ok).as(name + " compiles:\n" + errors + "\n" + numbered(source)).isTrue();
    }
  }

  /** The given names, less those the snippet declares itself ({@code Crm crm = ...}). */
  private static String parameters(String body) {
    List<String> given = List.of("dev.rapport.crm.Crm crm", "dev.rapport.crm.common.LeadId leadId",
        "dev.rapport.crm.common.ContactId contactId", "dev.rapport.crm.common.AccountId accountId",
        "dev.rapport.crm.common.OpportunityId opportunityId", "jakarta.persistence.EntityManagerFactory emf");
    List<String> params = new ArrayList<>();
    for (String p : given) {
      String name = p.substring(p.lastIndexOf(' ') + 1);
      if (!Pattern.compile("\\b[A-Z][\\w.]*(<[^;=]*>)?\\s+" + name + "\\s*=").matcher(body).find()) {
        params.add(p);
      }
    }
    return String.join(", ", params);
  }

  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", "")
        .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
  }

  private static String numbered(String source) {
    StringBuilder s = new StringBuilder();
    int i = 1;
    for (String line : source.split("\n")) {
      s.append(String.format("%3d  %s%n", i++, line));
    }
    return s.toString();
  }
}
