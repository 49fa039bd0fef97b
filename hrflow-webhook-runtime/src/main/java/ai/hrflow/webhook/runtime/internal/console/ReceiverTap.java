package ai.hrflow.webhook.runtime.internal.console;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookEvent;
import ai.hrflow.webhook.runtime.WebhookListener;
import java.util.List;

/**
 * What the delivery console sees of a receiver, on the request's thread: everything a listener sees,
 * plus the scheme a call verified with and its decoded events. Only a receiver built for the console
 * has one; the receive path of any other receiver does not call it.
 */
public interface ReceiverTap extends WebhookListener {

  /** The call's signature verified, in {@code scheme}, over a payload of {@code payloadBytes}. */
  void verified(SignatureScheme scheme, int payloadBytes);

  /** The call's events, decoded, before the first handler runs. */
  void decoded(List<WebhookEvent> events);
}
