package ai.hrflow.webhook.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.SignatureVerifier;
import ai.hrflow.webhook.runtime.Verification;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import ai.hrflow.webhook.runtime.WebhookSigner;
import ai.hrflow.webhook.runtime.testhooks.RecordingHooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Forgery fuzzing: valid signed requests in every scheme, mutated every way an attacker or a broken
 * proxy could (bit flips, truncation, re-encoding, header/body swaps, scheme confusion, another
 * secret, duplicated headers). A handler runs if and only if the mutated request is still validly
 * signed, as an independent {@link ReferenceVerifier} judges it, and {@code receive} never throws.
 *
 * <p>{@value #CASES} cases per run, generated from a seed that the run prints; {@code
 * -Dfuzz.seed=N} replays a run. {@link #theFuzzCatchesBrokenVerifiers} checks that the same cases
 * would catch two classic verifier bugs, so that a fuzz that finds nothing means something.
 */
class ForgeryFuzzTest {

  private static final int CASES = 12_000;
  private static final String SECRET = "whsec-fuzz-sécret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ReferenceVerifier ORACLE = new ReferenceVerifier(SECRET);
  private static final List<String> HEADER_NAMES =
      List.of("HTTP-HRFLOW-SIGNATURE", "http_hrflow_signature", "HrFlow-Signature", "HTTP-RIMINDER-SIGNATURE", "Riminder-Signature");
  private static final List<String> TYPES = List.of("profile.parsing.success", "job.embedding.error", "action.stage.success", "profile.unknown.type");

  /** Ways to damage a signed request. */
  enum Mutation {
    NONE,
    FLIP_HEADER_BIT,
    FLIP_BODY_BIT,
    TRUNCATE_HEADER,
    TRUNCATE_BODY,
    REENCODE_HEADER,
    SWAP_BODY,
    SIGN_BODY_PUT_IN_HEADER,
    SCHEME_CONFUSION,
    WRONG_SECRET,
    DUPLICATE_HEADER_SAME,
    DUPLICATE_HEADER_OTHER,
    APPEND_TO_HEADER,
    EMPTY_HEADER
  }

  /** A request to send: headers and body. */
  record Request(Map<String, List<String>> headers, byte[] body, String description) {
    @Override
    public String toString() {
      return description;
    }
  }

  /** What receives a request: the event types it dispatched, or null if it refused the request. */
  interface Receiving {
    List<String> receive(Request request);
  }

  @TestFactory
  Stream<DynamicTest> handlerRunsExactlyWhenTheRequestIsStillValidlySigned() {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println("ForgeryFuzzTest: " + CASES + " cases from seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    List<Request> requests = requests(seed, CASES);
    return IntStream.range(0, CASES)
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    "case " + i + " of seed " + seed,
                    () -> {
                      Request request = requests.get(i);
                      RecordingHooks hooks = new RecordingHooks();
                      WebhookReceiver receiver = WebhookReceiver.builder().secret(SECRET).dispatcher(hooks.dispatcher()).build();
                      WebhookResponse response = receiver.receive(request.headers(), request.body()); // must not throw
                      byte[] trusted = ORACLE.trustedJson(request.headers(), request.body());
                      if (trusted == null) {
                        assertEquals(401, response.status(), request.description());
                        assertEquals(List.of(), hooks.types(), request.description());
                      } else {
                        assertEquals(200, response.status(), request.description() + " " + response.body());
                        assertEquals(typesIn(trusted), hooks.types(), request.description());
                      }
                    }));
  }

  @Test
  void theFuzzCatchesBrokenVerifiers() throws Exception {
    List<Request> requests = requests(42, CASES);
    SignatureVerifier verifier = new SignatureVerifier(List.of(SECRET), EnumSet.allOf(SignatureScheme.class));
    Receiving checksOnlyThatASignatureIsThere =
        request -> request.headers().isEmpty() || firstHeader(request).isBlank() ? null : typesOrNull(request.body());
    Receiving verifiesButTrustsTheBody =
        request -> verifier.verify(firstHeader(request), request.body()) instanceof Verification.Verified ? typesOrNull(request.body()) : null;
    for (Receiving broken : List.of(checksOnlyThatASignatureIsThere, verifiesButTrustsTheBody)) {
      boolean caught = false;
      for (Request request : requests) {
        byte[] trusted = ORACLE.trustedJson(request.headers(), request.body());
        List<String> expected = trusted == null ? null : typesIn(trusted);
        if (!java.util.Objects.equals(expected, broken.receive(request))) {
          caught = true;
          break;
        }
      }
      assertTrue(caught, "the fuzz's cases catch a verifier that is broken");
    }
  }

  /** {@code count} mutated requests, the same for the same seed. */
  static List<Request> requests(long seed, int count) {
    Random random = new Random(seed);
    List<Request> requests = new ArrayList<>(count);
    Mutation[] mutations = Mutation.values();
    SignatureScheme[] schemes = SignatureScheme.values();
    for (int i = 0; i < count; i++) {
      requests.add(
          request(
              TYPES.get(random.nextInt(TYPES.size())),
              text(random),
              schemes[random.nextInt(schemes.length)],
              mutations[random.nextInt(mutations.length)],
              HEADER_NAMES.get(random.nextInt(HEADER_NAMES.size())),
              random.nextInt(1_000_001),
              random.nextInt(8)));
    }
    return requests;
  }

  /** Up to 40 characters from U+0020 to U+2FFF: ASCII, accents, symbols, CJK radicals. */
  private static String text(Random random) {
    char[] chars = new char[random.nextInt(41)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) (0x20 + random.nextInt(0x2fff - 0x20 + 1));
    }
    return new String(chars);
  }

  private static String firstHeader(Request request) {
    return request.headers().values().iterator().next().get(0);
  }

  private static List<String> typesOrNull(byte[] body) {
    try {
      return typesIn(body);
    } catch (Exception notJson) {
      return null;
    }
  }

  private static Request request(
      String type, String text, SignatureScheme scheme, Mutation mutation, String name, int position, int bit) {
    ObjectNodeText event = new ObjectNodeText(type, text);
    byte[] json = event.bytes();
    String header = WebhookSigner.sign(scheme, SECRET, json);
    byte[] body = json;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String description = scheme + " " + mutation;
    switch (mutation) {
      case NONE -> headers.put(name, List.of(header));
      case FLIP_HEADER_BIT -> headers.put(name, List.of(flip(header, position, bit)));
      case FLIP_BODY_BIT -> {
        headers.put(name, List.of(header));
        body = flip(body, position, bit);
      }
      case TRUNCATE_HEADER -> headers.put(name, List.of(header.substring(0, position % (header.length() + 1))));
      case TRUNCATE_BODY -> {
        headers.put(name, List.of(header));
        body = java.util.Arrays.copyOf(body, position % (body.length + 1));
      }
      case REENCODE_HEADER -> headers.put(name, List.of(reencode(header, position)));
      case SWAP_BODY -> {
        headers.put(name, List.of(header));
        body = new ObjectNodeText("job.parsing.success", "swapped " + text).bytes();
      }
      case SIGN_BODY_PUT_IN_HEADER -> {
        // An attacker's own JSON in the header, signed with nothing but the body's genuine MAC.
        byte[] forged = new ObjectNodeText("profile.parsing.success", "forged").bytes();
        String mac = WebhookSigner.sign(SignatureScheme.BODY_HEX, SECRET, body);
        headers.put(name, List.of(b64(mac.getBytes(StandardCharsets.US_ASCII)) + "." + b64(forged)));
      }
      case SCHEME_CONFUSION -> headers.put(name, List.of(confuse(scheme, json, position)));
      case WRONG_SECRET -> headers.put(name, List.of(WebhookSigner.sign(scheme, SECRET + "x", json)));
      case DUPLICATE_HEADER_SAME -> {
        headers.put(name, List.of(header));
        headers.put(otherName(name), List.of(header));
      }
      case DUPLICATE_HEADER_OTHER -> {
        headers.put(name, List.of(header));
        headers.put(otherName(name), List.of(WebhookSigner.sign(scheme, SECRET, new ObjectNodeText(type, text + "!").bytes())));
      }
      case APPEND_TO_HEADER -> headers.put(name, List.of(header + (position % 2 == 0 ? ".x" : "=")));
      case EMPTY_HEADER -> headers.put(name, List.of(position % 2 == 0 ? "" : " "));
    }
    return new Request(headers, body, description + " on " + new String(json, StandardCharsets.UTF_8));
  }

  /** A MAC of one scheme written in the format of another. */
  private static String confuse(SignatureScheme scheme, byte[] json, int choice) {
    byte[] raw = mac(json);
    String hex = HexFormat.of().formatHex(raw);
    String segment = b64(json);
    switch (choice % 5) {
      case 0:
        return hex + "." + segment; // hex digest, not base64-wrapped
      case 1:
        return b64(raw); // raw digest without payload
      case 2:
        return b64(mac(segment.getBytes(StandardCharsets.US_ASCII))) + "." + b64(("{\"type\":\"profile.parsing.success\"}").getBytes(StandardCharsets.UTF_8));
      case 3:
        return b64(HexFormat.of().formatHex(mac(segment.getBytes(StandardCharsets.US_ASCII))).getBytes(StandardCharsets.US_ASCII)) + "." + segment;
      default:
        return HexFormat.of().formatHex(mac(segment.getBytes(StandardCharsets.US_ASCII))); // body-hex of the segment
    }
  }

  private static String reencode(String header, int choice) {
    switch (choice % 4) {
      case 0:
        return header.replace('-', '+').replace('_', '/');
      case 1:
        return header.replace("=", "");
      case 2:
        return header.toUpperCase(Locale.ROOT);
      default:
        return " " + header + " ";
    }
  }

  private static String otherName(String name) {
    return HEADER_NAMES.get((HEADER_NAMES.indexOf(name) + 1) % HEADER_NAMES.size());
  }

  private static String flip(String text, int position, int bit) {
    if (text.isEmpty()) {
      return text;
    }
    char[] chars = text.toCharArray();
    int at = position % chars.length;
    chars[at] = (char) ((chars[at] ^ (1 << bit)) & 0x7f);
    return new String(chars);
  }

  private static byte[] flip(byte[] bytes, int position, int bit) {
    byte[] flipped = bytes.clone();
    if (flipped.length > 0) {
      flipped[position % flipped.length] ^= (byte) (1 << bit);
    }
    return flipped;
  }

  private static byte[] mac(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().encodeToString(bytes);
  }

  private static List<String> typesIn(byte[] json) throws Exception {
    JsonNode root = JSON.readTree(json);
    List<String> types = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(event -> types.add(event.get("type").asText()));
    } else {
      types.add(root.get("type").asText());
    }
    return types;
  }

  /** One event with a text field, serialised by Jackson so that any text is valid JSON. */
  private record ObjectNodeText(String type, String text) {
    byte[] bytes() {
      return JSON.createObjectNode().put("type", type).put("origin", "api").put("message", text).toString().getBytes(StandardCharsets.UTF_8);
    }
  }
}
