package ai.hrflow.webhook.runtime.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the delivery console sees of a receiver, on the request's thread: the scheme a call verified
 * with, its decoded events, each handler's outcome, a refusal's reason. Only the receiver built for
 * the console has one; the receive path of any other receiver does not call it. (Plain types: this
 * package does not depend on the runtime's API package, which depends on it.)
 */
public interface ReceiverTap {

  /** The call's signature verified, in the scheme named {@code scheme}, over {@code payloadBytes}. */
  void verified(String scheme, int payloadBytes);

  /** The call's events, decoded, before the first handler runs: their types and trees, in order. */
  void decoded(List<String> types, List<JsonNode> trees);

  /** The handler of the first event of {@code type} without an outcome ended: handled, fallback, unhandled or failed. */
  void outcome(String type, String outcome, Throwable failure);

  /** The call was refused, for {@code reason}. */
  void rejected(String reason);
}
