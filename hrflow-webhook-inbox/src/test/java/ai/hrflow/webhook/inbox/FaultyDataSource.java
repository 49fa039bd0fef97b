package ai.hrflow.webhook.inbox;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real data source with faults switched on by the test: the database unreachable, or the n-th event
 * insert failing (to check that a request is stored all or none).
 */
final class FaultyDataSource implements DataSource {

  private final DataSource target;
  volatile boolean unreachable;
  /** Fails the insert of the n-th event from now (1-based), or 0 for none. */
  final AtomicInteger failEventInsert = new AtomicInteger();

  FaultyDataSource(DataSource target) {
    this.target = target;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (unreachable) {
      throw new SQLTransientConnectionException("Connection refused (the test made the database unreachable)");
    }
    Connection connection = target.getConnection();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, arguments) -> {
              Object result;
              try {
                result = method.invoke(connection, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (method.getName().equals("prepareStatement") && arguments[0].toString().startsWith("INSERT INTO hrflow_inbox_event")) {
                return failing((PreparedStatement) result);
              }
              return result;
            });
  }

  /** {@code statement}, whose executions count down {@link #failEventInsert} and fail when it reaches 0. */
  private PreparedStatement failing(PreparedStatement statement) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, arguments) -> {
              if (method.getName().startsWith("execute")) {
                int left = failEventInsert.get();
                if (left > 0 && failEventInsert.decrementAndGet() == 0) {
                  throw new SQLException("disk full (the test failed this insert)", "53100");
                }
              }
              try {
                return method.invoke(statement, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
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
    return target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return target.isWrapperFor(type);
  }
}
