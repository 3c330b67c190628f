package dev.rapport.crm.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Query;
import java.util.List;
import java.util.function.Function;

/**
 * Many new rows of one table in one statement on PostgreSQL, through the unit's own entity
 * manager and transaction: {@code insert into t (...) select * from unnest(cast(? as uuid[]), ...)}
 * with one parameter per column, the column's values as an array literal. The provider's JDBC
 * batches of the same rows send one row per entry and map each entity on the way (a capture of
 * 1,000 leads spent most of its time there); the server reads these rows as fast as {@code COPY}
 * within a few tenths, and only the JPA API is used: no driver class, no connection of the host's.
 *
 * <p>Every value is sent as text and cast by the server, so no provider's binding of a null or a
 * UUID matters. Rows are written at once: the caller flushes the unit's pending writes first.
 */
final class PostgresBulk {
  private PostgresBulk() {}

  /** The fewest rows worth one statement instead of the provider's batch. */
  static final int MIN_ROWS = 16;

  /** The most rows in one statement (a larger list is split). */
  static final int MAX_ROWS = 10_000;

  /**
   * A column of the table: its name, the PostgreSQL type its array is cast to, and its value in
   * an entity (a {@code String}, {@code UUID}, number, {@code LocalDateTime} or null).
   */
  record Column<E>(String name, String type, Function<E, Object> value) {}

  /** Writes the entities' rows; returns how many were written. */
  static <E> int insert(EntityManager em, String table, List<Column<E>> columns, List<E> rows) {
    int written = 0;
    for (int from = 0; from < rows.size(); from += MAX_ROWS) {
      List<E> part = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS));
      StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (");
      StringBuilder unnest = new StringBuilder(") select * from unnest(");
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) {
          sql.append(", ");
          unnest.append(", ");
        }
        sql.append(columns.get(c).name());
        unnest.append("cast(?").append(c + 1).append(" as ").append(columns.get(c).type()).append("[])");
      }
      Query q = em.createNativeQuery(sql.append(unnest).append(')').toString());
      for (int c = 0; c < columns.size(); c++) {
        q.setParameter(c + 1, array(part, columns.get(c).value()));
      }
      written += q.executeUpdate();
    }
    return written;
  }

  /** The column's values as a PostgreSQL array literal: each quoted, {@code NULL} for null. */
  static <E> String array(List<E> rows, Function<E, Object> value) {
    StringBuilder b = new StringBuilder(rows.size() * 16).append('{');
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      Object v = value.apply(rows.get(i));
      if (v == null) {
        b.append("NULL");
        continue;
      }
      String text = v.toString();
      b.append('"');
      if (text.indexOf('"') < 0 && text.indexOf('\\') < 0) {
        b.append(text); // the usual text: nothing to escape, copied at once
      } else {
        for (int k = 0; k < text.length(); k++) {
          char ch = text.charAt(k);
          if (ch == '"' || ch == '\\') {
            b.append('\\');
          }
          b.append(ch);
        }
      }
      b.append('"');
    }
    return b.append('}').toString();
  }

  /**
   * Whether the factory's database is PostgreSQL (its {@code information_schema} lists the tables of
   * {@code pg_catalog}): asked once, on an entity manager of its own without a transaction; any
   * failure answers no (the provider's batches are then used, as on every other database).
   */
  static boolean isPostgres(EntityManagerFactory factory) {
    EntityManager em = null;
    try {
      em = factory.createEntityManager();
      // valid SQL on PostgreSQL, MariaDB and H2 alike (no error in the host's log): only PostgreSQL has pg_catalog
      Object tables = em.createNativeQuery(
          "select count(*) from information_schema.tables where table_schema = 'pg_catalog'").getSingleResult();
      return tables instanceof Number n && n.longValue() > 0;
    } catch (RuntimeException e) {
      return false;
    } finally {
      if (em != null) {
        try {
          em.close();
        } catch (RuntimeException ignored) {
          // nothing was written
        }
      }
    }
  }
}
