package com.example.hrflow;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per log record, for this example's {@code java.util.logging} (where
 * {@code System.Logger} goes by default). The JDK's default console format walks the stack of every
 * call to name its source and formats each date with {@code String.format}; at webhook rates that
 * costs several times more than receiving the webhook. Applications on Logback or Log4j do not need
 * this.
 */
final class ConsoleLogging extends Handler {

  private final PrintStream out;

  private ConsoleLogging(PrintStream out) {
    this.out = out;
    setLevel(Level.INFO);
  }

  /** Replaces the root logger's handlers with one that writes compact lines to {@code out}. */
  static void install(PrintStream out) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.INFO);
    root.addHandler(new ConsoleLogging(out));
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    String message = record.getMessage();
    if (record.getParameters() != null && record.getParameters().length > 0) {
      message = MessageFormat.format(message, record.getParameters());
    }
    StringBuilder line =
        new StringBuilder(80 + message.length())
            .append(Instant.ofEpochMilli(record.getMillis()))
            .append(' ')
            .append(record.getLevel().getName())
            .append(' ')
            .append(message)
            .append('\n');
    if (record.getThrown() != null) {
      java.io.StringWriter trace = new java.io.StringWriter();
      record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
      line.append(trace);
    }
    out.print(line);
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
