package com.example.hrflow.frameworks;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import org.springframework.http.MediaType;
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
  public ResponseEntity<String> receive(@RequestHeader MultiValueMap<String, String> headers, @RequestBody byte[] body) {
    WebhookResponse response = receiver.receive(headers, body);
    return ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
  }
}
