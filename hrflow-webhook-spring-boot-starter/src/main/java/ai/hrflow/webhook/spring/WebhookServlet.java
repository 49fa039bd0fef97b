package ai.hrflow.webhook.spring;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook endpoint on the application's servlet container: a thin adapter over {@link
 * WebhookReceiver#receive(String, Map, java.io.InputStream, long)}, which refuses what the headers
 * refuse without reading the body, and reads a body only within its limits.
 */
class WebhookServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient WebhookReceiver receiver;

  WebhookServlet(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    WebhookResponse answer;
    try {
      answer = receiver.receive(request.getMethod(), headers(request), request.getInputStream(), request.getContentLengthLong());
    } catch (IOException clientGone) {
      return; // the body did not arrive whole: nothing was dispatched, and nobody is left to answer
    }
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    byte[] body = answer.bodyBytes();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    return headers;
  }
}
