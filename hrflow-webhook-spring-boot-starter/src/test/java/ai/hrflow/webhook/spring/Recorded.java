package ai.hrflow.webhook.spring;

import ai.hrflow.webhook.payload.ActionPayload;
import ai.hrflow.webhook.payload.JobPayload;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Handler beans for the tests, each recording what it received as "name:method:type". */
final class Recorded {

  private Recorded() {}

  /** What every recording handler received, in order. */
  static final List<String> CALLS = new CopyOnWriteArrayList<>();

  /** A bean of {@link EveryFamilyHooks} that reads each payload as handlers do. */
  static class Families implements EveryFamilyHooks {
    private final String name;

    Families(String name) {
      this.name = name;
    }

    @Override
    public void onProfileParsingSuccess(ProfilePayload event) {
      event.profile().info();
      CALLS.add(name + ":onProfileParsingSuccess:" + event.type());
    }

    @Override
    public void onJobParsingSuccess(JobPayload event) {
      event.job().key();
      CALLS.add(name + ":onJobParsingSuccess:" + event.type());
    }

    @Override
    public void onActionStageSuccess(ActionPayload event) {
      CALLS.add(name + ":onActionStageSuccess:" + event.type());
    }

    @Override
    public void onAnythingElse(WebhookEvent event) {
      CALLS.add(name + ":onAnythingElse:" + event.type());
    }
  }

  /** A bean of {@link ProfileHooks}. */
  static class Profiles implements ProfileHooks {
    private final String name;

    Profiles(String name) {
      this.name = name;
    }

    @Override
    public void onProfileParsingSuccess(ProfilePayload event) {
      CALLS.add(name + ":onProfileParsingSuccess:" + event.type());
    }
  }
}
