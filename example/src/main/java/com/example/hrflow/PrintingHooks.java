package com.example.hrflow;

import ai.hrflow.webhook.hrjson.Info;
import ai.hrflow.webhook.hrjson.Job;
import ai.hrflow.webhook.hrjson.Profile;
import ai.hrflow.webhook.payload.ActionPayload;
import ai.hrflow.webhook.payload.JobPayload;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookEvent;
import java.io.PrintStream;

/** Prints one line per event; a real application would store or forward them. */
public final class PrintingHooks implements RecruitingHooks {

  private final PrintStream out;

  public PrintingHooks(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onProfileParsingSuccess(ProfilePayload event) {
    Profile profile = event.profile();
    Info info = profile == null ? null : profile.info();
    out.println(
        "profile parsed: "
            + (info == null ? "(no name)" : info.fullName())
            + ", "
            + (profile == null ? 0 : profile.skills().size())
            + " skills, key "
            + (profile == null ? null : profile.key()));
  }

  @Override
  public void onJobParsingSuccess(JobPayload event) {
    Job job = event.job();
    out.println("job parsed: " + (job == null ? "(no job)" : job.name() + ", key " + job.key()));
  }

  @Override
  public void onJobEmbeddingError(JobPayload event) {
    out.println("job embedding failed: " + event.message());
  }

  @Override
  public void onActionStageSuccess(ActionPayload event) {
    String profile = event.profile() == null ? null : event.profile().key();
    String job = event.job() == null ? null : event.job().key();
    out.println("profile " + profile + " moved to stage " + event.stage() + " for job " + job);
  }

  @Override
  public void onAnythingElse(WebhookEvent event) {
    out.println("other event: " + event.type());
  }
}
