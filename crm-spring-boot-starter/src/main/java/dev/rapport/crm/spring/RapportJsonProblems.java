package dev.rapport.crm.spring;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.jackson.RapportModule;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request body that a Rapport record refuses while Spring reads it (a sale whose second line has
 * quantity 0) as the same 400 problem as {@link RapportExceptionHandler}'s, its {@code field} the
 * whole JSON path ({@code lines[1].quantity}). Any other unreadable body is the 400 problem Spring's
 * own problem-details support answers ({@code "Failed to read request"}). Registered with
 * {@link RapportExceptionHandler} when crm-jackson is on the class path.
 *
 * @since 0.1
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RapportJsonProblems {
  /** Made by the starter. */
  public RapportJsonProblems() {}

  /**
   * The 400 answer.
   *
   * @param e what Spring threw while reading the body
   * @return the problem
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ProblemDetail> handle(HttpMessageNotReadableException e) {
    Optional<ValidationException> rejection = RapportModule.rejection(e);
    if (rejection.isEmpty()) {
      return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "Failed to read request"));
    }
    ProblemDetail problem = RapportExceptionHandler.problem(rejection.get());
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
