package dev.rapport.crm.sample.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample host end to end, in headless Chromium driven by Selenium through Debian's
 * {@code chromium-driver}: a lead captured in the form shows in the list, is qualified and
 * converted; its opportunity shows on the pipeline board and moves a stage; the customer's page
 * shows its contacts, opportunity and timeline; the analytics report counts the lead. The browser
 * and driver are {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (or the system
 * properties {@code chromium.binary} and {@code chromedriver.binary}), so Selenium Manager never
 * downloads anything. Without them the test is skipped, or fails when {@code CI} is set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleWebEndToEndTest {
  private static WebDriver browser;

  @LocalServerPort
  private int port;

  @BeforeAll
  static void startTheBrowser() {
    Path chromium = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    Path driver = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    requireExecutables(List.of(chromium, driver), onCi());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void quitTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aLeadGoesFromTheFormThroughThePipelineToTheCustomerAndTheReport() {
    // capture a lead with the form: it is in the list, new
    open("/leads");
    browser.findElement(By.id("firstName")).sendKeys("Ada");
    browser.findElement(By.id("lastName")).sendKeys("Lovelace");
    browser.findElement(By.id("email")).sendKeys("ada@analytical-engines.example");
    browser.findElement(By.id("company")).sendKeys("Analytical Engines Ltd");
    new Select(browser.findElement(By.id("source"))).selectByValue("referral");
    follow(browser.findElement(By.id("capture-lead")));
    assertThat(browser.getCurrentUrl()).endsWith("/leads");
    assertThat(text(By.id("message"))).isEqualTo("Captured Ada Lovelace.");
    WebElement row = leadRow("Ada Lovelace");
    assertThat(row.findElement(By.className("status")).getText()).isEqualTo("NEW");
    assertThat(row.getText()).contains("Analytical Engines Ltd", "ada@analytical-engines.example", "referral");

    // the filter by status finds it among the new leads, not among the qualified ones
    new Select(browser.findElement(By.id("filter-status"))).selectByValue("QUALIFIED");
    follow(browser.findElement(By.id("apply-filter")));
    assertThat(text(By.id("leads"))).doesNotContain("Ada Lovelace");
    new Select(browser.findElement(By.id("filter-status"))).selectByValue("NEW");
    follow(browser.findElement(By.id("apply-filter")));
    assertThat(browser.getCurrentUrl()).contains("status=NEW");
    follow(leadRow("Ada Lovelace").findElement(By.linkText("Ada Lovelace")));

    // qualify it, then convert it into contact, account and opportunity
    assertThat(text(By.id("status"))).isEqualTo("NEW");
    follow(browser.findElement(By.id("qualify")));
    assertThat(text(By.id("status"))).isEqualTo("QUALIFIED");
    assertThat(text(By.id("message"))).isEqualTo("Ada Lovelace is qualified.");
    WebElement deal = browser.findElement(By.id("dealName"));
    deal.clear();
    deal.sendKeys("Ledger suite, 25 seats");
    WebElement amount = browser.findElement(By.id("amount"));
    amount.clear();
    amount.sendKeys("18000.00");
    follow(browser.findElement(By.id("convert")));
    assertThat(text(By.id("status"))).isEqualTo("CONVERTED");
    assertThat(text(By.id("message"))).isEqualTo("Converted into Ada Lovelace of Analytical Engines Ltd,"
        + " with the opportunity Ledger suite, 25 seats.");
    assertThat(browser.findElements(By.id("convert"))).isEmpty();

    // the opportunity is on the board, in the first stage; one click moves it to the next
    open("/pipeline");
    assertThat(cardsIn("Prospecting")).containsExactly("Ledger suite, 25 seats");
    assertThat(cardsIn("Qualification")).isEmpty();
    WebElement card = card("Ledger suite, 25 seats");
    assertThat(card.findElement(By.className("amount")).getText()).contains("18000");
    follow(card.findElement(By.className("advance")));
    assertThat(text(By.id("message"))).isEqualTo("Ledger suite, 25 seats moved to Qualification.");
    assertThat(cardsIn("Prospecting")).isEmpty();
    assertThat(cardsIn("Qualification")).containsExactly("Ledger suite, 25 seats");

    // the customer's page: its contact, its opportunity in its new stage, and its timeline
    follow(card("Ledger suite, 25 seats").findElement(By.className("account")));
    assertThat(text(By.id("account-name"))).isEqualTo("Analytical Engines Ltd");
    assertThat(text(By.id("contacts"))).contains("Ada Lovelace", "ada@analytical-engines.example");
    assertThat(browser.findElement(By.cssSelector("#opportunities tr[data-opportunity] .stage")).getText())
        .isEqualTo("Qualification");
    List<String> timeline = browser.findElements(By.cssSelector("#timeline .entry")).stream()
        .map(WebElement::getText).toList();
    // newest first; after conversion the account's timeline includes the lead's
    assertThat(timeline.get(0)).startsWith("LeadConverted: Converted into contact ");
    assertThat(timeline).contains("LeadStatusChanged: Status: QUALIFIED -> CONVERTED","OpportunityOpened: Opportunity opened at stage Prospecting for 18000.00 EUR",
            "AccountCreated: Account created: Analytical Engines Ltd", "LeadStatusChanged: Status: NEW -> QUALIFIED",
            "LeadCaptured: Lead captured (source: referral)");

    // the analytics report counts the lead and its conversion under its source (the other test's
    // lead, if it ran first, came from the website)
    follow(browser.findElement(By.linkText("Analytics report")));
    assertThat(browser.getTitle()).isEqualTo("Analytics report: sample");
    WebElement referral = browser.findElement(By.cssSelector("#source-table tr[data-source='referral']"));
    assertThat(referral.findElement(By.cssSelector("td.leads")).getText()).isEqualTo("1");
    assertThat(referral.findElement(By.cssSelector("td.converted")).getText()).isEqualTo("1");
    assertThat(browser.findElements(By.cssSelector("figure.chart svg"))).hasSize(8);
  }

  @Test
  void aRefusedCommandShowsTheRuleAndChangesNothing() {
    open("/leads");
    browser.findElement(By.id("firstName")).sendKeys("Grace");
    browser.findElement(By.id("lastName")).sendKeys("Hopper");
    browser.findElement(By.id("company")).sendKeys("Cobol Works");
    follow(browser.findElement(By.id("capture-lead")));
    follow(leadRow("Grace Hopper").findElement(By.linkText("Grace Hopper")));
    follow(browser.findElement(By.id("qualify")));
    WebElement amount = browser.findElement(By.id("amount"));
    amount.clear();
    amount.sendKeys("lots");
    follow(browser.findElement(By.id("convert")));

    assertThat(text(By.id("problem"))).startsWith("amount");
    browser.navigate().back();
    browser.navigate().refresh();
    assertThat(text(By.id("status"))).isEqualTo("QUALIFIED");
  }

  // ------------------------------------------------------------------------------------ helpers

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  /**
   * Clicks a link or a form's button and waits until the browser has left the page and loaded the
   * next one (after a POST, the one it was redirected to).
   */
  private static void follow(WebElement element) {
    WebElement page = browser.findElement(By.tagName("html"));
    element.click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(b -> left(page));
    wait.until(b -> "complete".equals(((JavascriptExecutor) b).executeScript("return document.readyState")));
  }

  /**
   * Whether the element's page is gone. Chromium answers for an element of a replaced document
   * either "stale element" or "does not belong to the document"; both mean the page was left.
   */
  private static boolean left(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (WebDriverException gone) {
      return true;
    }
  }

  private static String text(By by) {
    return browser.findElement(by).getText();
  }

  private static WebElement leadRow(String name) {
    return browser.findElements(By.cssSelector("#leads tr[data-lead]")).stream()
        .filter(r -> r.getText().contains(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no row of " + name + " in " + text(By.id("leads"))));
  }

  private static List<String> cardsIn(String stage) {
    return browser.findElements(By.cssSelector(".column[data-stage='" + stage + "'] .card .name")).stream()
        .map(WebElement::getText).toList();
  }

  private static WebElement card(String name) {
    return browser.findElements(By.cssSelector(".card")).stream()
        .filter(c -> c.findElement(By.className("name")).getText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no card " + name));
  }

  /** Whether {@code CI} is set, as a system property or in the environment, to anything but false. */
  static boolean onCi() {
    return isSet(System.getProperty("CI")) || isSet(System.getenv("CI"));
  }

  static boolean isSet(String value) {
    return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
  }

  /** Skips the test when a file is missing or not executable, or fails it when {@code ci}. */
  static void requireExecutables(List<Path> files, boolean ci) {
    List<Path> missing = files.stream().filter(f -> !Files.isRegularFile(f) || !Files.isExecutable(f)).toList();
    String message = "No browser to drive: missing " + missing + ". Install them (`apt-get install chromium"
        + " chromium-driver` on Debian; .ci/run does), or name them with -Dchromium.binary and -Dchromedriver.binary.";
    if (!missing.isEmpty() && ci) {
      fail(message + " CI is set, so the test fails instead of being skipped.");
    }
    Assumptions.assumeTrue(missing.isEmpty(), message);
  }
}
