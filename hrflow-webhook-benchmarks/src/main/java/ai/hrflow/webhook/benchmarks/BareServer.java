package ai.hrflow.webhook.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The HTTP baseline: a bare {@code com.sun.net.httpserver.HttpServer} that reads the body and answers
 * 200, tuned as far as the JDK allows (run it with {@code -Dsun.net.httpserver.nodelay=true}).
 *
 * <p>Arguments: {@code port [inline|pool]}. {@code inline} (default) handles requests on the server's
 * dispatcher thread, the fastest the JDK server goes for a handler that does nothing; {@code pool}
 * hands them to a fixed pool of one thread per core.
 */
public final class BareServer {

  private static final byte[] OK = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);

  private BareServer() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args.length > 0 ? args[0] : "8081");
    String mode = args.length > 1 ? args[1] : "inline";
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 1024);
    server.createContext("/", BareServer::handle);
    if (mode.equals("pool")) {
      server.setExecutor(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()));
    }
    server.start();
    System.out.println("bare server listening on " + port + " (" + mode + ", nodelay=" + System.getProperty("sun.net.httpserver.nodelay") + ")");
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, OK.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(OK);
    }
  }
}
