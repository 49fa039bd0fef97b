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

/** HrFlow webhooks in any Servlet container (Jakarta Servlet 5+); map it to /webhooks. */
public class WebhookServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient WebhookReceiver receiver;

  public WebhookServlet(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    // The receiver reads the body only as far as it must: not at all for a call its headers refuse.
    WebhookResponse result = receiver.receive(request.getMethod(), headers, request.getInputStream(), request.getContentLengthLong());
    response.setStatus(result.status());
    result.headers().forEach(response::setHeader); // Content-Type, and Retry-After on a 503
    response.getOutputStream().write(result.bodyBytes());
  }
}
