package ai.hrflow.webhook.inbox.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source db-scheduler is given: the application's own, except on a thread inside {@link
 * #inTransaction}, where it hands out that transaction's connection. This is how an event and its
 * execution are committed together, as db-scheduler documents for Spring's {@code
 * TransactionAwareDataSourceProxy}: db-scheduler writes with a connection whose auto-commit is off,
 * leaves the commit to us ({@code commitWhenAutocommitDisabled} is false), and its {@code close()} of
 * the connection is ignored until our transaction ends.
 */
public final class TransactionBoundDataSource implements DataSource {

  private final DataSource target;
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();

  /** Work done inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    /** Does the work with the transaction's connection. */
    T run(Connection connection) throws SQLException;
  }

  /** A data source that hands out {@code target}'s connections. */
  public TransactionBoundDataSource(DataSource target) {
    this.target = target;
  }

  /** {@return the application's data source} */
  public DataSource target() {
    return target;
  }

  /**
   * Runs {@code work} in one transaction on one of the target's connections, which this data source
   * hands out on this thread meanwhile; commits if it returns, rolls back if it throws.
   */
  public <T> T inTransaction(Work<T> work) throws SQLException {
    if (bound.get() != null) {
      throw new IllegalStateException("transactions do not nest");
    }
    try (Connection connection = target.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      bound.set(unclosable(connection));
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          connection.rollback();
        } catch (SQLException rollbackFailed) {
          e.addSuppressed(rollbackFailed);
        }
        throw e;
      } finally {
        bound.remove();
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = bound.get();
    return connection != null ? connection : target.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    Connection connection = bound.get();
    return connection != null ? connection : target.getConnection(username, password);
  }

  /** {@code connection}, whose {@code close()} does nothing: the transaction closes it when it ends. */
  private static Connection unclosable(Connection connection) {
    InvocationHandler handler =
        (proxy, method, arguments) -> {
          switch (method.getName()) {
            case "close":
              return null;
            case "isClosed":
              return connection.isClosed();
            case "unwrap":
              return connection.unwrap((Class<?>) arguments[0]);
            default:
              try {
                return method.invoke(connection, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
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
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target.isWrapperFor(type);
  }
}
