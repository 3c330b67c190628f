package dev.rapport.crm.sample.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Without a browser the end-to-end test is skipped, but fails on CI, saying what to install. */
class MissingBrowserTest {

  @Test
  void aMissingBrowserFailsOnCiAndSkipsElsewhere(@TempDir Path dir) {
    List<Path> missing = List.of(dir.resolve("chromium"), dir.resolve("chromedriver"));
    assertThatThrownBy(() -> SampleWebEndToEndTest.requireExecutables(missing, true))
        .isInstanceOf(AssertionError.class).hasMessageContaining("apt-get install chromium chromium-driver")
        .hasMessageContaining("CI is set");
    assertThatThrownBy(() -> SampleWebEndToEndTest.requireExecutables(missing, false))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("chromedriver");
    assertThat(SampleWebEndToEndTest.isSet("true")).isTrue();
    assertThat(SampleWebEndToEndTest.isSet("false")).isFalse();
    assertThat(SampleWebEndToEndTest.isSet(null)).isFalse();
  }
}
