package ai.hrflow.webhook.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hostile clients on raw sockets, each on a thread of its own, for the attack tests: they connect to
 * a server on loopback, send what they are told, hold, and (when told to) connect again as soon as
 * the server cuts them off. {@link #close()} stops them all and closes their sockets.
 */
final class Attack implements AutoCloseable {

  private static final byte[] FILLER = new byte[64 * 1024];

  private final int port;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean stopped;

  Attack(int port) {
    this.port = port;
  }

  /**
   * {@code clients} clients, each sending {@code head} (request line and headers, CRLF-terminated,
   * without the blank line), then {@code bodyBytes} of body, then holding; cut off, they reconnect.
   */
  Attack sendingBodies(int clients, String head, long bodyBytes) {
    byte[] request = (head + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < clients; i++) {
      start(() -> {
        while (!stopped) {
          try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            for (long sent = 0; sent < bodyBytes && !stopped; sent += FILLER.length) {
              out.write(FILLER, 0, (int) Math.min(FILLER.length, bodyBytes - sent));
            }
            out.flush();
            holdUntilClosed(socket);
          } catch (IOException cutOff) {
            pause();
          }
        }
      });
    }
    return this;
  }

  /** {@code clients} clients that send {@code prefix} once, then hold without ever reconnecting. */
  Attack stalling(int clients, String prefix) throws IOException {
    byte[] bytes = prefix.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < clients; i++) {
      Socket socket = connect();
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    }
    return this;
  }

  /** {@code clients} clients that send one byte and hold; cut off, they reconnect at once. */
  Attack sendingOneByte(int clients) {
    for (int i = 0; i < clients; i++) {
      start(() -> {
        while (!stopped) {
          try (Socket socket = connect()) {
            socket.getOutputStream().write('P');
            socket.getOutputStream().flush();
            holdUntilClosed(socket);
          } catch (IOException cutOff) {
            pause();
          }
        }
      });
    }
    return this;
  }

  /** {@return how many connections the attackers opened so far} */
  int connections() {
    return connections.get();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    synchronized (sockets) {
      if (stopped) {
        socket.close();
        throw new IOException("stopped");
      }
      sockets.add(socket);
    }
    connections.incrementAndGet();
    return socket;
  }

  /** Reads (and ignores) whatever the server answers, until it closes the connection. */
  private void holdUntilClosed(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] ignored = new byte[1024];
    while (!stopped && in.read(ignored) >= 0) {
      // the answer, if any: an attacker does not care
    }
  }

  private void start(Runnable attacker) {
    Thread thread = new Thread(attacker, "attacker-" + threads.size());
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  private void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stopped = true;
    synchronized (sockets) {
      for (Socket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      sockets.clear();
    }
    try {
      for (Thread thread : threads) {
        thread.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@return how many file descriptors this process has open (Linux)} */
  static int openFileDescriptors() throws IOException {
    try (var descriptors = Files.list(Path.of("/proc/self/fd"))) {
      return (int) descriptors.count();
    }
  }
}
