package com.example.hrflow.frameworks;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** HrFlow webhooks in a Spring Boot application; declare the WebhookReceiver as a @Bean. */
@RestController
public class SpringWebhookController {

  private final WebhookReceiver receiver;

  public SpringWebhookController(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  @PostMapping("/webhooks")
  public ResponseEntity<String> receive(@RequestHeader MultiValueMap<String, String> headers, @RequestBody(required = false) byte[] body) {
    WebhookResponse response = receiver.receive(headers, body);
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.status());
    response.headers().forEach(answer::header); // Content-Type, and Retry-After on a 503
    return answer.body(response.body());
  }
}
