package ai.hrflow.webhook.runtime.internal.console;

import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.runtime.internal.http.Endpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delivery console's page and data, at {@code /console}. Who may see it: without a token, clients
 * on a loopback address that name a loopback host (so that a web page cannot reach it through DNS
 * rebinding); with a token, whoever sends it ({@code ?token=} for the page, the {@code
 * X-HrFlow-Console-Token} header for its data and actions). Actions are POSTs that carry the {@code
 * X-HrFlow-Console} header (which a cross-site form cannot set) and no foreign {@code Origin}. Every
 * answer forbids framing, sniffing, caching and any script or style not from this server.
 */
public final class ConsoleHandler implements HttpHandler {

  /** The console's path. */
  public static final String PATH = "/console";

  /** The header the page's actions carry. */
  static final String ACTION_HEADER = "X-HrFlow-Console";

  /** The header the page sends its token in. */
  static final String TOKEN_HEADER = "X-HrFlow-Console-Token";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REQUEST_BYTES = 4096;
  private static final int LISTED_INBOX_EVENTS = 50;
  private static final Pattern DELIVERY = Pattern.compile("/console/api/deliveries/(\\d{1,18})(/replay)?");
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final Map<String, String> ASSETS =
      Map.of("/console", "console.html", "/console/", "console.html", "/console/console.js", "console.js", "/console/console.css", "console.css");

  private final Deliveries deliveries;
  private final ConsoleEndpoint endpoint;
  private final Function<byte[], Map<String, List<String>>> signer;
  private final InboxView inbox;
  private final byte[] token;

  /**
   * A console over {@code deliveries}, replaying and sending samples through {@code endpoint} (signed
   * by {@code signer}, which holds the secret), showing {@code inbox} (or null), guarded by {@code
   * token} (or null: loopback only).
   */
  public ConsoleHandler(Deliveries deliveries, ConsoleEndpoint endpoint, Function<byte[], Map<String, List<String>>> signer, InboxView inbox, String token) {
    this.deliveries = deliveries;
    this.endpoint = endpoint;
    this.signer = signer;
    this.inbox = inbox;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      String asset = ASSETS.get(path);
      if (!allowed(exchange, asset != null && !asset.endsWith(".html"))) {
        send(exchange, 403, "text/plain; charset=utf-8", bytes("The delivery console is for loopback clients, or for clients with its token (consoleToken)."));
        return;
      }
      if (asset != null) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
          send(exchange, 405, "text/plain; charset=utf-8", bytes("GET only"));
          return;
        }
        serveAsset(exchange, asset);
        return;
      }
      if (method.equals("POST") && !sameOriginAction(exchange)) {
        send(exchange, 403, "text/plain; charset=utf-8", bytes("Console actions come from the console's own page."));
        return;
      }
      route(exchange, method, path);
    }
  }

  private void route(HttpExchange exchange, String method, String path) throws IOException {
    Matcher delivery = DELIVERY.matcher(path);
    if (method.equals("GET") && path.equals("/console/api/deliveries")) {
      long after = queryLong(exchange.getRequestURI(), "after");
      ArrayNode list = JSON.createArrayNode();
      for (Delivery each : deliveries.after(after)) {
        list.add(summary(each));
      }
      json(exchange, 200, JSON.createObjectNode().set("deliveries", list));
    } else if (method.equals("GET") && delivery.matches() && delivery.group(2) == null) {
      Delivery found = deliveries.get(Long.parseLong(delivery.group(1)));
      if (found == null) {
        json(exchange, 404, error("no delivery " + delivery.group(1) + " (the console keeps the most recent ones)"));
      } else {
        json(exchange, 200, detail(found));
      }
    } else if (method.equals("POST") && delivery.matches() && delivery.group(2) != null) {
      replay(exchange, Long.parseLong(delivery.group(1)));
    } else if (method.equals("GET") && path.equals("/console/api/types")) {
      ObjectNode types = JSON.createObjectNode().put("realisticSamples", ConsoleSamples.realistic());
      ArrayNode names = types.putArray("types");
      EventType.byType().keySet().stream().sorted().forEach(names::add);
      json(exchange, 200, types);
    } else if (method.equals("POST") && path.equals("/console/api/samples")) {
      sample(exchange);
    } else if (method.equals("GET") && path.equals("/console/api/inbox")) {
      inbox(exchange);
    } else if (method.equals("POST") && path.equals("/console/api/inbox/replay")) {
      replayDead(exchange);
    } else {
      json(exchange, 404, error("no such console resource"));
    }
  }

  private void replay(HttpExchange exchange, long id) throws IOException {
    Delivery original = deliveries.get(id);
    if (original == null || !original.replayable()) {
      json(exchange, 409, error(original == null ? "no delivery " + id : "delivery " + id + " cannot be replayed: its body or headers were too large to keep"));
      return;
    }
    Endpoint.Reply reply = send(original.replayHeaders(), original.replayBody(), "replay of #" + id);
    json(exchange, 200, JSON.createObjectNode().put("status", reply.status()));
  }

  private void sample(HttpExchange exchange) throws IOException {
    JsonNode request = readJson(exchange);
    String type = request == null ? null : request.path("type").asText(null);
    if (type == null || !type.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+){1,5}") || type.length() > 100) {
      json(exchange, 400, error("give the event type to send, such as profile.parsing.success"));
      return;
    }
    byte[] body = ConsoleSamples.of(type).toString().getBytes(StandardCharsets.UTF_8);
    Endpoint.Reply reply = send(signer.apply(body), body, "sample");
    json(exchange, 200, JSON.createObjectNode().put("status", reply.status()));
  }

  /** A call through the real receive path: headers first, then the body, as the HTTP layer does. */
  private Endpoint.Reply send(Map<String, List<String>> headers, byte[] body, String source) {
    Endpoint.Call call = endpoint.open(headers, "console", source);
    if (call.refusal() != null) {
      return call.refusal();
    }
    return call.receive(call.needsBody() ? body : null, body.length);
  }

  private void inbox(HttpExchange exchange) throws IOException {
    ObjectNode answer = JSON.createObjectNode();
    InboxView.Snapshot snapshot;
    try {
      snapshot = inbox == null ? null : inbox.snapshot(LISTED_INBOX_EVENTS);
    } catch (Exception e) {
      json(exchange, 503, error("the inbox could not be read: " + e.getClass().getSimpleName()));
      return;
    }
    answer.put("enabled", snapshot != null);
    if (snapshot != null) {
      answer.put("pending", snapshot.pending()).put("retrying", snapshot.retrying()).put("dead", snapshot.dead());
      answer.put("oldestPendingAge", snapshot.oldestPendingAge().toString());
      answer.set("pendingEvents", entries(snapshot.pendingEvents()));
      answer.set("deadEvents", entries(snapshot.deadEvents()));
    }
    json(exchange, 200, answer);
  }

  private void replayDead(HttpExchange exchange) throws IOException {
    if (inbox == null) {
      json(exchange, 409, error("this server has no inbox"));
      return;
    }
    try {
      int replayed = inbox.replayDead();
      deliveries.action("replay of dead inbox events", replayed + " dead event" + (replayed == 1 ? "" : "s") + " queued again", 200);
      json(exchange, 200, JSON.createObjectNode().put("replayed", replayed));
    } catch (UnsupportedOperationException e) {
      json(exchange, 409, error(e.getMessage()));
    } catch (Exception e) {
      deliveries.action("replay of dead inbox events", "the inbox could not replay: " + e.getClass().getSimpleName(), 503);
      json(exchange, 503, error("the inbox could not replay: " + e.getClass().getSimpleName()));
    }
  }

  private static ArrayNode entries(List<InboxView.Entry> entries) {
    ArrayNode list = JSON.createArrayNode();
    for (InboxView.Entry entry : entries) {
      list.addObject()
          .put("id", entry.id())
          .put("type", entry.type())
          .put("attempts", entry.attempts())
          .put("lastError", entry.lastError())
          .put("receivedAt", entry.receivedAt().toString());
    }
    return list;
  }

  private static ObjectNode summary(Delivery delivery) {
    ObjectNode summary =
        JSON.createObjectNode()
            .put("id", delivery.id)
            .put("at", delivery.at.toString())
            .put("client", delivery.client)
            .put("source", delivery.source)
            .put("status", delivery.status())
            .put("scheme", delivery.scheme())
            .put("rejection", delivery.rejection())
            .put("note", delivery.note())
            .put("events", delivery.eventCount())
            .put("micros", delivery.micros())
            .put("replayable", delivery.replayable());
    ArrayNode types = summary.putArray("types");
    delivery.types().forEach(types::add);
    return summary;
  }

  private static ObjectNode detail(Delivery delivery) {
    ObjectNode detail = summary(delivery);
    ArrayNode headers = detail.putArray("headers");
    for (String[] header : delivery.shownHeaders) {
      headers.addArray().add(header[0]).add(header[1]);
    }
    ArrayNode events = detail.putArray("eventList");
    for (Delivery.Event event : delivery.eventsWithJson()) {
      events.addObject()
          .put("type", event.type())
          .put("json", event.json())
          .put("cut", event.cut())
          .put("outcome", event.outcome())
          .put("error", event.error())
          .put("stackTrace", event.stackTrace());
    }
    return detail;
  }

  /** Loopback with a loopback Host when there is no token; the token otherwise (assets need none). */
  private boolean allowed(HttpExchange exchange, boolean staticAsset) {
    if (token != null) {
      if (staticAsset) {
        return true;
      }
      String given = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
      if (given == null && ASSETS.containsKey(exchange.getRequestURI().getPath())) {
        given = query(exchange.getRequestURI(), "token");
      }
      return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }
    return loopbackClient(exchange.getRemoteAddress().getAddress(), exchange.getRequestHeaders().getFirst("Host"));
  }

  /** Whether a client at {@code remote} that sent {@code host} may use the console without a token. */
  public static boolean loopbackClient(InetAddress remote, String host) {
    return remote.isLoopbackAddress() && loopbackHost(host);
  }

  /** A Host header that names this machine's loopback, as a browser sends it for http://localhost:port. */
  public static boolean loopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String name = host.strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      name = end < 0 ? name : name.substring(1, end);
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':'));
    }
    return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1");
  }

  /** An action from the console's own page: its header, and no Origin other than this server. */
  private static boolean sameOriginAction(HttpExchange exchange) {
    if (!"1".equals(exchange.getRequestHeaders().getFirst(ACTION_HEADER))) {
      return false;
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    String host = exchange.getRequestHeaders().getFirst("Host");
    return origin == null || (host != null && origin.equals("http://" + host));
  }

  private static void serveAsset(HttpExchange exchange, String name) throws IOException {
    try (InputStream in = ConsoleHandler.class.getResourceAsStream(name)) {
      if (in == null) {
        send(exchange, 500, "text/plain; charset=utf-8", bytes("the console's " + name + " is missing from the jar"));
        return;
      }
      String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
      send(exchange, 200, type, in.readAllBytes());
    }
  }

  private static JsonNode readJson(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
    if (body.length == 0 || body.length > MAX_REQUEST_BYTES) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException malformed) {
      return null;
    }
  }

  private static ObjectNode error(String message) {
    return JSON.createObjectNode().put("error", message);
  }

  private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
    send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", contentType);
    headers.set("Content-Security-Policy", CSP);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static long queryLong(URI uri, String name) {
    String value = query(uri, name);
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String query(URI uri, String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
