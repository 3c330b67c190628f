package dev.rapport.crm.jpa;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that counts the round trips to the database: every {@code execute},
 * {@code executeQuery}, {@code executeUpdate} and {@code executeBatch} (a batch counts once) on the
 * statements of its connections. It also keeps the SQL and parameters of the last statements, so
 * a test can {@code EXPLAIN} a query the provider generated.
 */
final class CountingDataSource implements DataSource {
  /** One executed statement: its SQL and, for a prepared one, its parameters by index. */
  record Executed(String sql, Map<Integer, Object> parameters, boolean batch) {}

  private final DataSource target;
  private final AtomicInteger count = new AtomicInteger();
  private final List<Executed> log = Collections.synchronizedList(new ArrayList<>());

  CountingDataSource(DataSource target) {
    this.target = target;
  }

  DataSource target() {
    return target;
  }

  /** Forgets the count and the log. */
  void reset() {
    count.set(0);
    log.clear();
  }

  int count() {
    return count.get();
  }

  List<Executed> executed() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection(target.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return connection(target.getConnection(user, password));
  }

  private Connection connection(Connection c) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
            return proxy; // keep counting when a provider asks for the plain JDBC interface
          }
          Object result = invoke(c, method, args);
          if (result instanceof CallableStatement s) {
            return statement(s, CallableStatement.class, (String) args[0]);
          }
          if (result instanceof PreparedStatement s) {
            return statement(s, PreparedStatement.class, (String) args[0]);
          }
          if (result instanceof Statement s) {
            return statement(s, Statement.class, null);
          }
          return result;
        });
  }

  private Object statement(Statement s, Class<? extends Statement> type, String preparedSql) {
    InvocationHandler h = new InvocationHandler() {
      private final Map<Integer, Object> params = new TreeMap<>();
      private final List<String> batchSql = new ArrayList<>();

      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
          return proxy;
        }
        if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i
            && preparedSql != null) {
          params.put(i, name.equals("setNull") ? null : args[1]);
        } else if (name.equals("clearParameters")) {
          params.clear();
        } else if (name.equals("addBatch") && args != null && args.length == 1) {
          batchSql.add((String) args[0]);
        } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
          count.incrementAndGet();
          log.add(new Executed(preparedSql != null ? preparedSql : String.join(";", batchSql), Map.of(), true));
          batchSql.clear();
        } else if (name.startsWith("execute")) {
          count.incrementAndGet();
          String sql = preparedSql != null ? preparedSql : (String) args[0];
          log.add(new Executed(sql, new TreeMap<>(params), false));
        }
        return CountingDataSource.invoke(s, method, args);
      }
    };
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return target.isWrapperFor(iface);
  }
}
