package com.example.hrflow;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error, buffered and flushed ten times a second and at exit: one write to the
 * terminal or log file per batch of lines, rather than one system call per line at webhook rates.
 */
final class Console {

  static final PrintStream OUT = buffered(FileDescriptor.out);
  static final PrintStream ERR = buffered(FileDescriptor.err);

  private static final long FLUSH_EVERY_MILLIS = 100;

  private Console() {}

  /** Starts the background flush, and flushes once more when the JVM exits. */
  static void startFlushing() {
    Thread flusher =
        new Thread(
            () -> {
              try {
                while (true) {
                  Thread.sleep(FLUSH_EVERY_MILLIS);
                  flush();
                }
              } catch (InterruptedException stopped) {
                flush();
              }
            },
            "console-flush");
    flusher.setDaemon(true);
    flusher.start();
    Runtime.getRuntime().addShutdownHook(new Thread(Console::flush, "console-flush-at-exit"));
  }

  static void flush() {
    OUT.flush();
    ERR.flush();
  }

  private static PrintStream buffered(FileDescriptor descriptor) {
    return new PrintStream(new BufferedOutputStream(new FileOutputStream(descriptor), 64 * 1024), false, StandardCharsets.UTF_8);
  }
}
