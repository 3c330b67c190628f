package dev.rapport.crm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the tests, run as a process of its own. Without a browser on the PATH a
 * test that needs one is skipped, unless {@code CI} is set (as a system property or in the
 * environment, to anything but {@code false}): then it fails, so that CI never passes without
 * having rendered the page.
 */
final class Browser {
  /** The browsers looked for on the PATH, in this order. */
  static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
  private static final long TIMEOUT_SECONDS = 120;

  private Browser() {}

  /** The first of {@link #NAMES} on the PATH; skips the test, or fails it on CI, when there is none. */
  static Path require() {
    return require(System.getenv("PATH"), onCi());
  }

  static Path require(String path, boolean ci) {
    Optional<Path> found = findOnPath(NAMES, path);
    String missing = "No browser to render the analytics report: looked for " + String.join(", ", NAMES)
        + " on the PATH. Install one (e.g. `apt-get install chromium` on Debian; .ci/run does) to run this test.";
    if (found.isEmpty() && ci) {
      fail(missing + " CI is set, so the test fails instead of being skipped.");
    }
    Assumptions.assumeTrue(found.isPresent(), missing);
    return found.get();
  }

  /** Whether {@code CI} is set, as a system property or in the environment, to anything but false. */
  static boolean onCi() {
    return isSet(System.getProperty("CI")) || isSet(System.getenv("CI"));
  }

  static boolean isSet(String value) {
    return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
  }

  static Optional<Path> findOnPath(List<String> names, String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String name : names) {
      for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Opens the page in headless Chromium and returns the DOM after the page's scripts ran. */
  static String dumpDom(Path browser, Path page, Path dir) throws IOException, InterruptedException {
    Path out = run(browser, dir, page.getFileName().toString(), "--dump-dom", page.toUri().toString());
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(dom).as("the DOM " + browser + " dumped").contains("<figure");
    return dom;
  }

  /**
   * Runs headless Chromium with {@code args} in a process of its own, with a new profile in
   * {@code dir}; returns the file its standard output went to. The browser and all its children
   * are killed if it has not finished in {@value #TIMEOUT_SECONDS} s.
   */
  static Path run(Path browser, Path dir, String name, String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "profile");
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
        "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail(browser + " did not finish within " + TIMEOUT_SECONDS + " s; stderr:\n" + tail(err));
      }
      assertThat(p.exitValue()).as(browser + " exit code; stderr:\n" + tail(err)).isZero();
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    return out;
  }

  private static String tail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    String s = Files.readString(file, StandardCharsets.UTF_8);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }
}
