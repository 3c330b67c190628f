package dev.rapport.crm.spring;

import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.reports.AnalyticsReport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analytics report of crm-reports for the current tenant, at {@code rapport.web.report.path}:
 * {@code GET <path>?from=2026-01-01&to=2026-06-30} answers the self-contained HTML page (by default
 * the six months up to today). It is an ordinary Spring MVC endpoint: the host's security (its
 * Spring Security filter chain, say) decides who may read it; the starter opens nothing.
 */
@Controller
class RapportReportController {
  private final CrmProvider crms;
  private final Clock clock;

  RapportReportController(CrmProvider crms, Clock clock) {
    this.crms = crms;
    this.clock = clock;
  }

  @GetMapping(path = "${rapport.web.report.path}", produces = "text/html;charset=UTF-8")
  ResponseEntity<String> report(@RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to) {
    try {
      LocalDate last = to == null ? LocalDate.now(clock) : day(to, "to");
      LocalDate first = from == null ? last.minusMonths(6).plusDays(1) : day(from, "from");
      String html = AnalyticsReport.of(crms.crm(), Period.of(first, last)).render();
      return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8")).body(html);
    } catch (ValidationException e) {
      return ResponseEntity.badRequest().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
          .body(e.getMessage());
    }
  }

  private static LocalDate day(String text, String field) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ValidationException(field, "must be a day such as 2026-01-31");
    }
  }
}
