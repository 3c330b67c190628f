package dev.rapport.crm.sample.web;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.CrmException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Rapport's refusals as a page: an unknown record is a 404, bad input, an illegal move or a stale
 * version a 400 naming the rule; nothing was stored in either case. A failing store is left to
 * Spring's error page (500).
 */
@ControllerAdvice
class Problems {

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("problem", e.getMessage());
    return "problem";
  }

  @ExceptionHandler({ValidationException.class, IllegalTransitionException.class, ConcurrentUpdateException.class,
      DuplicateException.class})
  String refused(CrmException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("problem", e.getMessage());
    return "problem";
  }
}
