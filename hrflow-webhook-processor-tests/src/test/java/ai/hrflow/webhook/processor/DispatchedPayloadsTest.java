package ai.hrflow.webhook.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.hrjson.Education;
import ai.hrflow.webhook.hrjson.Experience;
import ai.hrflow.webhook.hrjson.FloatRange;
import ai.hrflow.webhook.hrjson.Info;
import ai.hrflow.webhook.hrjson.Job;
import ai.hrflow.webhook.hrjson.Label;
import ai.hrflow.webhook.hrjson.Location;
import ai.hrflow.webhook.hrjson.Profile;
import ai.hrflow.webhook.hrjson.Section;
import ai.hrflow.webhook.hrjson.Skill;
import ai.hrflow.webhook.hrjson.Source;
import ai.hrflow.webhook.hrjson.Trait;
import ai.hrflow.webhook.hrjson.Url;
import ai.hrflow.webhook.payload.ActionPayload;
import ai.hrflow.webhook.payload.JobPayload;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.processor.GeneratedDispatcherTest.Call;
import ai.hrflow.webhook.runtime.DispatchResult;
import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles a handler interface with the processor, runs its generated dispatcher on real HrFlow
 * events of every family, and checks the exact typed values each handler method received: non-ASCII
 * text, unknown fields, fields of unexpected shape, and every date form.
 */
class DispatchedPayloadsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Call> calls = new ArrayList<>();
  private WebhookDispatcher dispatcher;

  @BeforeEach
  void compileHandlerInterface() throws Exception {
    Compilation compilation =
        Compilations.compile(
            Compilations.hooks(
                "  void onProfileParsingSuccess(ProfilePayload event);",
                "  void onJobEmbeddingError(JobPayload event);",
                "  void onActionStageSuccess(ActionPayload event);",
                "  void onActionRatingSuccess(ActionPayload event);",
                "  @OnEvent(\"profile.tagging.success\") void tagged(ProfilePayload event);",
                "  @OnEvent(OnEvent.ANY) void onAnythingElse(WebhookEvent event);"));
    assertThat(compilation).succeededWithoutWarnings();
    dispatcher = GeneratedDispatcherTest.dispatcher(new CompiledClasses(compilation), "test.Hooks", calls);
  }

  @Test
  void profileEventArrivesFullyTyped() throws Exception {
    WebhookEvent event = fixture("profile-parsing-success.json");
    assertEquals(DispatchResult.HANDLED, dispatcher.dispatch(event));
    ProfilePayload payload = (ProfilePayload) onlyCall("onProfileParsingSuccess");

    assertEquals("profile.parsing.success", payload.type());
    assertEquals("api", payload.origin());
    assertEquals("Profil analysé avec succès ✓", payload.message());
    assertSame(event.json(), payload.raw());
    assertEquals("an undocumented top-level field", payload.raw().get("team_id").asText());

    Profile profile = payload.profile();
    assertEquals("1234", profile.id());
    assertEquals("8a6d0c5f1f0b4e4f9d1c", profile.key());
    assertEquals("réf-ü-42", profile.reference());
    assertNull(profile.archivedAt());
    assertTrue(profile.consentAlgorithmic().get("owner").get("parsing").asBoolean());
    assertEquals(new Source(null, "src-1", "Candidatures – Zürich", "api", null), profile.source());
    assertEquals(Instant.parse("2020-05-12T10:12:00Z"), profile.createdAt()); // +0000
    assertEquals(Instant.parse("2020-05-12T10:12:00Z"), profile.updatedAt()); // epoch seconds
    assertEquals("Zoë Ñúñez — Ingénieure", profile.text());
    assertEquals("fr", profile.textLanguage());

    Info info = profile.info();
    assertEquals("Zoë Ñúñez 李雷", info.fullName());
    assertEquals("Zoë", info.firstName());
    assertEquals("Ñúñez", info.lastName());
    assertEquals("zoe@example.com", info.email());
    assertEquals("+41 44 000 00 00", info.phone());
    assertEquals(Instant.parse("1990-01-31T00:00:00Z"), info.dateBirth()); // bare date
    assertEquals(
        new Location(
            "Zürich, Schweiz",
            47.3769,
            8.5417,
            Map.of("city", "Zürich", "country", "CH", "postcode", "8001"),
            "https://maps.google.com/?q=Z%C3%BCrich"),
        info.location());
    assertEquals(
        List.of(new Url("linkedin", "https://www.linkedin.com/in/zoe"), new Url("github", "https://github.com/zoe")),
        info.urls());
    assertNull(info.picture());
    assertEquals("female", info.gender());
    assertEquals("Ingénieure logicielle, 10 ans d'expérience 🚀", info.summary());

    Experience experience = profile.experiences().get(0);
    assertEquals(1, profile.experiences().size());
    assertEquals("exp-1", experience.key());
    assertEquals("Ingénieure Java", experience.title());
    assertEquals("Société Générale", experience.company());
    assertEquals(Instant.parse("2018-01-01T00:00:00Z"), experience.dateStart()); // no offset: UTC
    assertEquals(Instant.parse("2020-03-01T00:00:00Z"), experience.dateEnd()); // date object
    assertNull(experience.location()); // a string where an object belongs
    assertEquals(List.of(new Skill("Java", "hard", "0.9")), experience.skills());
    assertEquals(List.of(new Trait("Code review", null)), experience.tasks());
    assertEquals(List.of(), experience.certifications());

    Education education = profile.educations().get(0);
    assertEquals("edu-1", education.key()); // content_uid
    assertEquals("ETH Zürich", education.school());
    assertEquals(Instant.parse("2010-01-01T00:00:00Z"), education.dateStart()); // epoch milliseconds
    assertEquals(Instant.parse("2014-06-30T00:00:00Z"), education.dateEnd()); // Z
    assertEquals(List.of(), education.courses()); // an object where a list belongs

    assertEquals(5.5, profile.experiencesDuration()); // numeric string
    assertEquals(4.0, profile.educationsDuration());
    assertEquals(List.of(), profile.attachments()); // a string where a list belongs
    assertEquals(
        List.of(new Skill("Kotlin", "hard", "expert"), new Skill("Leadership", "soft", null)), profile.skills());
    assertEquals(List.of(new Trait("Français", "natif"), new Trait("Deutsch", "3")), profile.languages());
    assertEquals(List.of(), profile.interests());
    assertEquals(List.of(new Trait("vip", "true")), profile.tags());
    assertEquals(List.of(), profile.metadatas()); // an object where a list belongs
    assertEquals(
        List.of(
            new Label(
                "job-9",
                "ref-9",
                "board-1",
                "yes",
                4.5,
                Instant.parse("2020-05-12T10:12:00Z"), // epoch milliseconds
                Instant.parse("2020-05-12T08:12:00Z"))), // +02:00
        profile.labels());
    assertEquals(List.of(1, 2, 3), JSON.convertValue(payload.raw().at("/profile/a_future_field/deeply/nested"), List.class));
  }

  @Test
  void hrJsonObjectsAreBoundOnceOnFirstAccess() throws Exception {
    dispatcher.dispatch(fixture("profile-parsing-success.json"));
    ProfilePayload payload = (ProfilePayload) onlyCall("onProfileParsingSuccess");
    Profile first = payload.profile();
    assertSame(first, payload.profile());
    assertSame(first, new ProfilePayload(payload.event()).profile(), "kept by the event, shared by its views");
  }

  @Test
  void jobEventArrivesFullyTyped() throws Exception {
    assertEquals(DispatchResult.HANDLED, dispatcher.dispatch(fixture("job-embedding-error.json")));
    JobPayload payload = (JobPayload) onlyCall("onJobEmbeddingError");
    assertEquals("job.embedding.error", payload.type());
    assertEquals("web", payload.origin());
    assertEquals("L'intégration a échoué", payload.message());

    Job job = payload.job();
    assertEquals(42L, job.id()); // numeric string
    assertEquals("job-key-42", job.key());
    assertEquals("offre-42", job.reference());
    assertEquals("board-1", job.boardKey());
    assertEquals("Offres Île-de-France", job.board().name());
    assertEquals("production", job.board().environment());
    assertEquals(Instant.parse("2020-05-12T10:12:00Z"), job.createdAt());
    assertEquals(Instant.parse("2021-02-03T04:05:06Z"), job.updatedAt()); // space instead of T
    assertNull(job.archivedAt()); // false where a date belongs
    assertEquals("Développeur·se Java", job.name());
    assertEquals(new Location("Lyon", 45.764, 4.8357, Map.of("city", "Lyon", "country", "France"), null), job.location());
    assertEquals(List.of(new Section("mission", "Mission", "Concevoir des API")), job.sections());
    assertEquals("Bienveillance", job.culture());
    assertNull(job.benefits()); // a list where a string belongs
    assertNull(job.requirements()); // an object where a string belongs
    assertEquals(List.of(new FloatRange("salary", "EUR", 50000.0, 70000.0)), job.rangesFloat());
    assertEquals(Instant.parse("2021-01-01T00:00:00Z"), job.rangesDate().get(0).valueMin());
    assertEquals(Instant.parse("2021-01-01T00:00:00Z"), job.rangesDate().get(0).valueMax());
    assertEquals(List.of(new Skill("Spring", "hard", null)), job.skills());
    assertEquals(List.of(new Trait("remote", "partial")), job.tags());
  }

  @Test
  void actionEventCarriesProfileJobAndStage() throws Exception {
    assertEquals(DispatchResult.HANDLED, dispatcher.dispatch(fixture("action-stage-success.json")));
    ActionPayload payload = (ActionPayload) onlyCall("onActionStageSuccess");
    assertEquals("action.stage.success", payload.type());
    assertEquals("Étape mise à jour", payload.message());
    assertEquals("p-1", payload.profile().key());
    assertEquals("src-1", payload.profile().source().key());
    assertEquals("j-1", payload.job().key());
    assertEquals("yes", payload.stage());
    assertNull(payload.rating());
  }

  @Test
  void riminderEraActionReadsFilterAndOldIdentifiers() throws Exception {
    assertEquals(DispatchResult.HANDLED, dispatcher.dispatch(fixture("action-rating-legacy.json")));
    ActionPayload payload = (ActionPayload) onlyCall("onActionRatingSuccess");
    assertNull(payload.origin());
    assertEquals("riminder-profile-7", payload.profile().key());
    assertEquals("old-ref-7", payload.profile().reference());
    assertEquals("riminder-filter-3", payload.job().key());
    assertEquals("old-filter-3", payload.job().reference());
    assertEquals(4.0, payload.rating()); // a numeric string
  }

  @Test
  void customTypeBoundWithOnEventGetsItsFamilysPayload() throws Exception {
    assertEquals(
        DispatchResult.HANDLED,
        dispatcher.dispatch(event("{\"type\":\"profile.tagging.success\",\"profile\":{\"key\":\"p-9\"}}")));
    assertEquals("p-9", ((ProfilePayload) onlyCall("tagged")).profile().key());
  }

  @Test
  void unknownTypeReachesTheFallbackUntouched() throws Exception {
    WebhookEvent event = event("{\"type\":\"board.created.success\",\"board\":{\"key\":\"b\"}}");
    assertEquals(DispatchResult.FALLBACK, dispatcher.dispatch(event));
    assertSame(event, onlyCall("onAnythingElse"));
  }

  @Test
  void eventWithoutItsObjectStillArrivesWithNulls() throws Exception {
    assertEquals(DispatchResult.HANDLED, dispatcher.dispatch(event("{\"type\":\"job.embedding.error\",\"job\":\"oops\"}")));
    JobPayload payload = (JobPayload) onlyCall("onJobEmbeddingError");
    assertNull(payload.job());
    assertNull(payload.origin());
  }

  @Test
  void everyEventOfABatchGoesToItsOwnMethod() throws Exception {
    for (String fixture :
        List.of("profile-parsing-success.json", "job-embedding-error.json", "action-stage-success.json")) {
      dispatcher.dispatch(fixture(fixture));
    }
    assertEquals(
        List.of("onProfileParsingSuccess", "onJobEmbeddingError", "onActionStageSuccess"),
        calls.stream().map(Call::method).toList());
  }

  private Object onlyCall(String method) {
    assertEquals(1, calls.size(), () -> "calls: " + calls);
    assertEquals(method, calls.get(0).method());
    return calls.get(0).argument();
  }

  private static WebhookEvent fixture(String name) throws IOException {
    try (InputStream in = DispatchedPayloadsTest.class.getClassLoader().getResourceAsStream("events/" + name)) {
      return WebhookEvent.of(JSON.readTree(in));
    }
  }

  private static WebhookEvent event(String json) throws IOException {
    return WebhookEvent.of(JSON.readTree(json));
  }
}
