package com.example.hrflow.inbox;

import ai.hrflow.webhook.inbox.WebhookInbox;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import com.example.hrflow.PrintingHooks;
import com.example.hrflow.RecruitingHooksDispatcher;

/** Events stored before the answer, handled afterwards with retries: an embedded inbox in ./hrflow-inbox. */
public final class DurableServer {

  public static void main(String[] args) {
    RecruitingHooksDispatcher dispatcher = new RecruitingHooksDispatcher(new PrintingHooks(System.out));
    WebhookInbox inbox = WebhookInbox.builder().dispatcher(dispatcher).build(); // .dataSource(ds) for PostgreSQL
    WebhookReceiver receiver = WebhookReceiver.builder()
        .secret(System.getenv("HRFLOW_WEBHOOK_SECRET"))
        .dispatcher(dispatcher)
        .inbox(inbox) // store, acknowledge, then handle
        .build();
    WebhookServer server = WebhookServer.builder().port(8080).path("/webhooks").receiver(receiver).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close(); // no new requests; those in flight finish
      inbox.close(); // running handlers finish; the rest run at the next start
    }));
  }
}
