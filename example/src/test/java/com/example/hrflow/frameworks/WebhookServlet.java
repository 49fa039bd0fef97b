package com.example.hrflow.frameworks;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** HrFlow webhooks in any Servlet container (Jakarta Servlet 5+); map it to POST /webhooks. */
public class WebhookServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient WebhookReceiver receiver;

  public WebhookServlet(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    // One byte over the limit is enough for the receiver to answer 413.
    byte[] body = request.getInputStream().readNBytes(receiver.maxBodyBytes() + 1);
    WebhookResponse result = receiver.receive(headers, body);
    response.setStatus(result.status());
    result.headers().forEach(response::setHeader); // Content-Type, and Retry-After on a 503
    response.getOutputStream().write(result.bodyBytes());
  }
}
