package dev.rapport.crm;

import dev.rapport.crm.exception.ValidationException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Javadoc reads a block tag only at the start of a line: in {@code /** Does X. @throws E if Y *}{@code /}
 * the {@code @throws} is plain text, and an IDE shows no "Throws" for the method. Every rejection
 * of the public API must be a real {@code @throws} tag.
 */
class JavadocTagsTest {
  private static final Pattern MID_LINE_TAG = Pattern.compile("^\\s*(/\\*\\*|\\*)\\s+\\S.*?\\s@(throws|param|return)\\b");

  @Test
  void everyBlockTagOfTheSourcesStartsItsLine() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (MID_LINE_TAG.matcher(lines.get(i)).find()) {
            found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(found).as("block tags in the middle of a line (Javadoc ignores them)").isEmpty();
  }

  @Test
  void theCheckFindsATagInTheMiddleOfAOneLineComment() {
    assertThat(MID_LINE_TAG.matcher("  /** Also requiring this owner. @throws ValidationException if null */").find()).isTrue();
    assertThat(MID_LINE_TAG.matcher("   * The owner. @return it").find()).isTrue();
    assertThat(MID_LINE_TAG.matcher("   * @throws ValidationException if null").find()).isFalse();
    assertThat(MID_LINE_TAG.matcher("  /** @throws ValidationException if null */").find()).isFalse();
  }
}
