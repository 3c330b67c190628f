package dev.rapport.crm.jpa;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.CrmException;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.StoreException;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns what a JPA provider throws at a flush or commit into the CRM's exceptions. Only the
 * standard exception types and the JDBC SQL state are read, so every provider is understood:
 * an optimistic-lock failure, a lock timeout, a serialisation failure or a deadlock becomes a
 * {@link ConcurrentUpdateException}; a unique-key violation a {@link DuplicateException}; every
 * other failure of the provider or the database a {@link StoreException} with it as the cause.
 */
final class Errors {
  private Errors() {}

  static RuntimeException translate(RuntimeException e, JpaUnitOfWork uow) {
    if (e instanceof CrmException || !(e instanceof PersistenceException || hasSqlCause(e))) {
      return e;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException ole) {
        return uow.concurrentUpdate(ole.getEntity(), e);
      }
      if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
        return uow.concurrentUpdate(null, e);
      }
      if (t instanceof EntityExistsException) {
        return uow.duplicate("", e);
      }
      if (t instanceof SQLException sql) {
        RuntimeException mapped = translate(sql, e, uow);
        if (mapped != null) {
          return mapped;
        }
      }
      String name = t.getClass().getName();
      if (name.endsWith("StaleObjectStateException") || name.endsWith("StaleStateException")
          || name.endsWith("OptimisticLockException")) {
        return uow.concurrentUpdate(null, e);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return new StoreException("the database failed: " + rootMessage(e), e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static boolean hasSqlCause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  private static RuntimeException translate(SQLException sql, RuntimeException e, JpaUnitOfWork uow) {
    for (SQLException s = sql; s != null; s = s.getNextException()) {
      String state = s.getSQLState() == null ? "" : s.getSQLState();
      String message = String.valueOf(s.getMessage()).toLowerCase(Locale.ROOT);
      // 23505 (PostgreSQL, H2), 23000 with error 1062 (MariaDB): unique violation
      if (state.equals("23505") || s.getErrorCode() == 1062 || message.contains("duplicate")
          || message.contains("unique index or primary key violation")) {
        return uow.duplicate(message, e);
      }
      // 40001 serialisation failure, 40P01 deadlock, 55P03 lock not available, HYT00 H2 lock
      // timeout, 90131 H2 concurrent update, 1205/1213 MariaDB lock wait timeout / deadlock
      if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")
          || state.equals("HYT00") || state.equals("90131")
          || s.getErrorCode() == 1205 || s.getErrorCode() == 1213) {
        return uow.concurrentUpdate(null, e);
      }
      if (s.getNextException() == s) {
        break;
      }
    }
    return null;
  }
}
