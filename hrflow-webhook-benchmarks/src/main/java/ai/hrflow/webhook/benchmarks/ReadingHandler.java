package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.hrjson.Info;
import ai.hrflow.webhook.hrjson.Profile;
import ai.hrflow.webhook.payload.ProfilePayload;

/**
 * A handler that reads its payload as real handlers do: the profile's name, skills, experiences,
 * educations and creation date. What it read is kept in a field, so that the JIT cannot drop the
 * reading.
 */
final class ReadingHandler implements BenchmarkHooks {

  volatile int checksum;

  @Override
  public void onProfileParsingSuccess(ProfilePayload event) {
    Profile profile = event.profile();
    Info info = profile.info();
    int sum = info.fullName().length() + profile.skills().size() + profile.experiences().size() + profile.educations().size();
    checksum = sum + (profile.createdAt() == null ? 0 : profile.createdAt().getNano());
  }
}
