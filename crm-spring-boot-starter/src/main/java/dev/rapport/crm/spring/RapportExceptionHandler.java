package dev.rapport.crm.spring;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.CrmException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.InsufficientHistoryException;
import dev.rapport.crm.exception.MissingExchangeRateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.StoreException;
import dev.rapport.crm.exception.ValidationException;
import java.net.URI;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Rapport's exceptions as RFC 9457 problem details ({@code application/problem+json}), for a host's
 * REST controllers. Registered by the starter when {@code rapport.web.problem-details=true} in a
 * servlet web application; a host that writes its own {@code @ExceptionHandler} for a Rapport
 * exception in a controller keeps it (a controller's own handler comes first), and a host that
 * defines a bean of this type replaces it.
 *
 * <table>
 *   <caption>The answers</caption>
 *   <tr><th>Exception</th><th>Status</th><th>Members besides title and detail</th></tr>
 *   <tr><td>{@link ValidationException}</td><td>400</td><td>{@code field} (a path such as
 *       {@code lines[1].quantity}), {@code rule}</td></tr>
 *   <tr><td>{@link NotFoundException}</td><td>404</td><td>{@code kind}, {@code id}</td></tr>
 *   <tr><td>{@link DuplicateException}</td><td>409</td><td>{@code field}</td></tr>
 *   <tr><td>{@link IllegalTransitionException}</td><td>409</td><td>{@code kind}, {@code from},
 *       {@code to}</td></tr>
 *   <tr><td>{@link ConcurrentUpdateException}</td><td>409</td><td>{@code kind}, {@code id},
 *       {@code expectedVersion}, {@code currentVersion} (when the store knew it)</td></tr>
 *   <tr><td>{@link InsufficientHistoryException}</td><td>422</td><td></td></tr>
 *   <tr><td>{@link MissingExchangeRateException}</td><td>500</td><td></td></tr>
 *   <tr><td>{@link StoreException}</td><td>503</td><td>none: the detail says only that the store
 *       failed, never the database's message</td></tr>
 * </table>
 *
 * <p>Each problem's {@code type} is {@code urn:rapport:problem:<name>} ({@code validation},
 * {@code not-found}, {@code duplicate}, {@code illegal-transition}, {@code concurrent-update},
 * {@code insufficient-history}, {@code missing-exchange-rate}, {@code store-unavailable}). JSON that
 * a Rapport record refuses while Spring reads a request body is answered by
 * {@link RapportJsonProblems} as a 400 with the whole path.
 *
 * @since 0.1
 */
@RestControllerAdvice
public class RapportExceptionHandler {
  /** Made by the starter, or by a host that extends it. */
  public RapportExceptionHandler() {}

  /**
   * The answer to a Rapport exception.
   *
   * @param e what Rapport threw
   * @return the problem, with its status
   */
  @ExceptionHandler(CrmException.class)
  public ResponseEntity<ProblemDetail> handle(CrmException e) {
    ProblemDetail problem = problem(e);
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  /**
   * The problem detail for a Rapport exception, as the table above says: for a host that writes
   * its own handler and wants the same body.
   *
   * @param e what Rapport threw
   * @return the problem
   * @throws NullPointerException if {@code e} is null
   */
  public static ProblemDetail problem(CrmException e) {
    Objects.requireNonNull(e, "exception");
    if (e instanceof ValidationException v) {
      ProblemDetail p = of(HttpStatus.BAD_REQUEST, "validation", "Invalid input", v.getMessage());
      p.setProperty("field", v.field());
      p.setProperty("rule", v.rule());
      return p;
    }
    if (e instanceof NotFoundException n) {
      ProblemDetail p = of(HttpStatus.NOT_FOUND, "not-found", "Not found", n.getMessage());
      p.setProperty("kind", n.kind());
      p.setProperty("id", n.id());
      return p;
    }
    if (e instanceof DuplicateException d) {
      ProblemDetail p = of(HttpStatus.CONFLICT, "duplicate", "Already exists", d.getMessage());
      p.setProperty("field", d.field());
      return p;
    }
    if (e instanceof IllegalTransitionException t) {
      ProblemDetail p = of(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in this state", t.getMessage());
      p.setProperty("kind", t.kind());
      p.setProperty("from", t.from());
      p.setProperty("to", t.to());
      return p;
    }
    if (e instanceof ConcurrentUpdateException c) {
      ProblemDetail p = of(HttpStatus.CONFLICT, "concurrent-update", "Changed by someone else", c.getMessage());
      p.setProperty("kind", c.kind());
      p.setProperty("id", c.id());
      p.setProperty("expectedVersion", c.expectedVersion());
      c.currentVersion().ifPresent(v -> p.setProperty("currentVersion", v));
      return p;
    }
    if (e instanceof InsufficientHistoryException h) {
      return of(HttpStatus.UNPROCESSABLE_ENTITY, "insufficient-history", "Not enough history", h.getMessage());
    }
    if (e instanceof MissingExchangeRateException m) {
      return of(HttpStatus.INTERNAL_SERVER_ERROR, "missing-exchange-rate", "Missing exchange rate", m.getMessage());
    }
    if (e instanceof StoreException) {
      return of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
          "The CRM's store failed; nothing was changed. Try again later.");
    }
    return of(HttpStatus.INTERNAL_SERVER_ERROR, "error", "CRM error", e.getMessage());
  }

  private static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("urn:rapport:problem:" + type));
    p.setTitle(title);
    return p;
  }
}
