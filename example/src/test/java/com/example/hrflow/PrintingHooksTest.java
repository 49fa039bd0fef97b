package com.example.hrflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.hrflow.webhook.payload.EventTypes;
import ai.hrflow.webhook.testing.WebhookTester;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A handler unit-tested with the test kit: a dispatcher, a tester, a signed sample event. */
class PrintingHooksTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final WebhookTester tester =
      WebhookTester.of(new RecruitingHooksDispatcher(new PrintingHooks(new PrintStream(printed, true, StandardCharsets.UTF_8))));

  @Test
  void printsTheParsedProfile() {
    assertEquals(200, tester.send(EventTypes.PROFILE_PARSING_SUCCESS).status());
    assertEquals("profile parsed: Ada Lovelace, 3 skills, key a5d3c8e1f9b2c4d6e8f0\n", output());
  }

  @Test
  void printsTheStageMove() {
    assertEquals(200, tester.send(EventTypes.ACTION_STAGE_SUCCESS).status());
    assertEquals("profile a5d3c8e1f9b2c4d6e8f0 moved to stage yes for job f1e2d3c4b5a6978877665544\n", output());
  }

  @Test
  void printsEveryOtherTypeThroughTheFallback() {
    assertEquals(200, tester.sendBatch(EventTypes.JOB_PARSING_SUCCESS, EventTypes.PROFILE_SCORING_SUCCESS).status());
    assertEquals("job parsed: Backend Engineer (Java), key f1e2d3c4b5a6978877665544\nother event: profile.scoring.success\n", output());
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
