package ai.hrflow.webhook.processor;

import static ai.hrflow.webhook.processor.Compilations.compile;
import static ai.hrflow.webhook.processor.Compilations.hooks;
import static ai.hrflow.webhook.processor.Compilations.source;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per compile-time error: its message, and the line it is reported on. */
class DiagnosticsTest {

  @Test
  void misspeltHandlerNameSuggestsTheNearestCatalogName() {
    JavaFileObject hooks = hooks("  void onProfileParsingSucess(ProfilePayload event);");
    Compilation compilation = compile(hooks);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "Handler method onProfileParsingSucess implies the event type \"profile.parsing.sucess\","
                + " which is not in the HrFlow event catalog. Did you mean onProfileParsingSuccess?")
        .inFile(hooks)
        .onLine(8);
    // A misspelling: binding the method to the misspelt type would be wrong advice.
    com.google.common.truth.Truth.assertThat(compilation.errors().get(0).getMessage(null)).doesNotContain("@OnEvent");
  }

  @Test
  void onEventWithAMisspeltCatalogTypeGetsAWarningNamingIt() {
    JavaFileObject hooks = hooks("  @OnEvent(\"profile.parsing.sucess\")", "  void onParsed(ProfilePayload event);");
    Compilation compilation = Compilations.compileLeniently(hooks);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "@OnEvent(\"profile.parsing.sucess\") on onParsed is not in the HrFlow event catalog, and looks like a"
                + " misspelling of \"profile.parsing.success\", which HrFlow sends. Write"
                + " @OnEvent(\"profile.parsing.success\"); if \"profile.parsing.sucess\" is a type of your own, add"
                + " @SuppressWarnings(\"hrflow\") to the method.")
        .inFile(hooks)
        .onLine(8);
    assertThat(compile(hooks)).failed(); // -Werror, as a careful build runs
  }

  @Test
  void onEventTwoEditsFromACatalogTypeGetsTheWarningToo() {
    JavaFileObject hooks = hooks("  @OnEvent(\"job.parsing.sucess\")", "  void onParsed(JobPayload event);");
    assertThat(Compilations.compileLeniently(hooks)).hadWarningContaining("misspelling of \"job.parsing.success\"");
  }

  @Test
  void theMisspellingWarningIsSuppressibleOnTheMethodOrTheInterface() {
    JavaFileObject onMethod =
        hooks("  @SuppressWarnings(\"hrflow\")", "  @OnEvent(\"profile.parsing.sucess\")", "  void onParsed(ProfilePayload event);");
    assertThat(compile(onMethod)).succeededWithoutWarnings();
    JavaFileObject onInterface =
        source(
            "Hooks",
            "package test;",
            "import ai.hrflow.webhook.*;",
            "import ai.hrflow.webhook.payload.*;",
            "@HrFlowWebhook",
            "@SuppressWarnings(\"hrflow\")",
            "public interface Hooks {",
            "  @OnEvent(\"profile.parsing.sucess\") void onParsed(ProfilePayload event);",
            "}");
    assertThat(compile(onInterface)).succeededWithoutWarnings();
  }

  @Test
  void onEventWithATypeOfOneselfFarFromTheCatalogGetsNoWarning() {
    JavaFileObject hooks = hooks("  @OnEvent(\"profile.tagging.success\")", "  void onTagged(ProfilePayload event);");
    assertThat(compile(hooks)).succeededWithoutWarnings();
  }

  @Test
  void nameOutsideTheConventionExplainsTheConvention() {
    JavaFileObject hooks = hooks("  void handleJobParsing(JobPayload event);");
    Compilation compilation = compile(hooks);
    assertThat(compilation)
        .hadErrorContaining(
            "Handler method handleJobParsing does not name an event type: handler names are \"on\""
                + " followed by the type's words, such as onProfileParsingSuccess for profile.parsing.success.")
        .inFile(hooks)
        .onLine(8);
    assertThat(compilation).hadErrorContaining("@OnEvent(\"object.stage.status\")");
  }

  @Test
  void parameterOfAnotherFamilyNamesTheExpectedPayload() {
    JavaFileObject hooks = hooks("  void onProfileParsingSuccess(JobPayload event);");
    assertThat(compile(hooks))
        .hadErrorContaining(
            "Handler method onProfileParsingSuccess handles profile.parsing.success, an event about a"
                + " profile, so its parameter must be ProfilePayload or WebhookEvent, not JobPayload.")
        .inFile(hooks)
        .onLine(8);
  }

  @Test
  void parameterOfUnrelatedTypeIsRejected() {
    JavaFileObject hooks = hooks("", "  void onActionStageSuccess(String event);");
    assertThat(compile(hooks))
        .hadErrorContaining("so its parameter must be ActionPayload or WebhookEvent, not String.")
        .inFile(hooks)
        .onLine(9);
  }

  @Test
  void fallbackMustTakeWebhookEvent() {
    JavaFileObject hooks = hooks("  @OnEvent(OnEvent.ANY)", "  void onAnything(ProfilePayload event);");
    assertThat(compile(hooks))
        .hadErrorContaining(
            "Handler method onAnything is the fallback for events of every family, so its parameter"
                + " must be WebhookEvent, not ProfilePayload.")
        .inFile(hooks)
        .onLine(9);
  }

  @Test
  void customTypeOfUnknownFamilyMustTakeWebhookEvent() {
    JavaFileObject hooks = hooks("  @OnEvent(\"board.created.success\")", "  void onBoard(JobPayload event);");
    assertThat(compile(hooks))
        .hadErrorContaining(
            "handles board.created.success, whose family (profile, job or action) is unknown, so its"
                + " parameter must be WebhookEvent, not JobPayload.")
        .inFile(hooks)
        .onLine(9);
  }

  @Test
  void handlerWithoutParameterIsRejected() {
    JavaFileObject hooks = hooks("  void onJobParsingError();");
    assertThat(compile(hooks))
        .hadErrorContaining(
            "Handler method onJobParsingError() must take exactly one parameter, the event (JobPayload"
                + " or WebhookEvent); it takes 0.")
        .inFile(hooks)
        .onLine(8);
  }

  @Test
  void handlerWithTwoParametersIsRejected() {
    JavaFileObject hooks = hooks("  void onJobParsingError(JobPayload event, String type);");
    assertThat(compile(hooks))
        .hadErrorContaining(
            "Handler method onJobParsingError(JobPayload, String) must take exactly one parameter, the"
                + " event (JobPayload or WebhookEvent); it takes 2.")
        .inFile(hooks)
        .onLine(8);
  }

  @Test
  void handlerReturningAValueIsRejected() {
    JavaFileObject hooks = hooks("  boolean onJobParsingError(JobPayload event);");
    assertThat(compile(hooks))
        .hadErrorContaining(
            "Handler method onJobParsingError must return void, not boolean: the dispatcher ignores"
                + " results. Return normally to acknowledge the event, or throw to have HrFlow retry it.")
        .inFile(hooks)
        .onLine(8);
  }

  @Test
  void twoHandlersForOneTypeNameEachOther() {
    JavaFileObject hooks =
        hooks(
            "  void onProfileParsingSuccess(ProfilePayload event);",
            "  @OnEvent(\"profile.parsing.success\")",
            "  void parsed(WebhookEvent event);");
    Compilation compilation = compile(hooks);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "Handler methods onProfileParsingSuccess and parsed both handle profile.parsing.success;"
                + " an event type has exactly one handler method. Remove parsed, or bind it to another"
                + " type with @OnEvent.")
        .inFile(hooks)
        .onLine(10);
  }

  @Test
  void twoFallbacksAreRejected() {
    JavaFileObject hooks =
        hooks(
            "  @OnEvent(OnEvent.ANY) void first(WebhookEvent event);",
            "  @OnEvent(\"*\") void second(WebhookEvent event);");
    assertThat(compile(hooks))
        .hadErrorContaining("Handler methods first and second are both @OnEvent(\"*\") fallback methods")
        .inFile(hooks)
        .onLine(9);
  }

  @Test
  void blankOnEventIsRejected() {
    JavaFileObject hooks = hooks("  @OnEvent(\" \")", "  void onSomething(WebhookEvent event);");
    assertThat(compile(hooks))
        .hadErrorContaining("@OnEvent(\" \") on onSomething is not an event type")
        .inFile(hooks)
        .onLine(8);
  }

  @Test
  void onEventOnADefaultMethodIsRejected() {
    JavaFileObject hooks =
        hooks("  @OnEvent(\"profile.parsing.success\")", "  default void parsed(WebhookEvent event) {}");
    assertThat(compile(hooks))
        .hadErrorContaining(
            "@OnEvent on parsed has no effect: default and static methods are not handlers. Make the"
                + " method abstract, or remove @OnEvent.")
        .inFile(hooks)
        .onLine(8);
  }

  @Test
  void annotatedClassIsRejected() {
    JavaFileObject hooks =
        source("Hooks", "package test;", "", "@ai.hrflow.webhook.HrFlowWebhook", "public class Hooks {}");
    assertThat(compile(hooks))
        .hadErrorContaining(
            "@HrFlowWebhook applies to interfaces only, and Hooks is a class. Declare the handlers as an"
                + " interface whose abstract methods take the events, and implement it in your class.")
        .inFile(hooks)
        .onLine(4);
  }

  @Test
  void annotatedEnumRecordAndAnnotationTypeAreRejected() {
    JavaFileObject kinds =
        source(
            "Kinds",
            "package test;",
            "import ai.hrflow.webhook.HrFlowWebhook;",
            "public class Kinds {",
            "  @HrFlowWebhook enum E { A }",
            "  @HrFlowWebhook record R(int x) {}",
            "  @HrFlowWebhook @interface A {}",
            "}");
    Compilation compilation = compile(kinds);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("E is an enum").inFile(kinds).onLine(4);
    assertThat(compilation).hadErrorContaining("R is a record").inFile(kinds).onLine(5);
    assertThat(compilation).hadErrorContaining("A is an annotation type").inFile(kinds).onLine(6);
  }

  @Test
  void genericInterfaceIsRejected() {
    JavaFileObject hooks =
        source(
            "Hooks",
            "package test;",
            "import ai.hrflow.webhook.HrFlowWebhook;",
            "import ai.hrflow.webhook.runtime.WebhookEvent;",
            "@HrFlowWebhook",
            "public interface Hooks<T> {",
            "  void onProfileParsingSuccess(WebhookEvent event);",
            "}");
    assertThat(compile(hooks))
        .hadErrorContaining(
            "@HrFlowWebhook interface Hooks must not be generic: its dispatcher binds every method to one"
                + " concrete event type. Remove the type parameters <T>")
        .inFile(hooks)
        .onLine(5);
  }

  @Test
  void genericMethodIsRejected() {
    JavaFileObject hooks = hooks("  <T> void onProfileParsingSuccess(ProfilePayload event);");
    assertThat(compile(hooks))
        .hadErrorContaining(
            "Handler method onProfileParsingSuccess must not be generic: the dispatcher calls it with one"
                + " concrete event type. Remove the type parameters <T>.")
        .inFile(hooks)
        .onLine(8);
  }

  @Test
  void privateInterfaceIsRejected() {
    JavaFileObject outer =
        source(
            "Outer",
            "package test;",
            "import ai.hrflow.webhook.HrFlowWebhook;",
            "import ai.hrflow.webhook.runtime.WebhookEvent;",
            "public class Outer {",
            "  @HrFlowWebhook",
            "  private interface Hooks {",
            "    void onProfileParsingSuccess(WebhookEvent event);",
            "  }",
            "}");
    assertThat(compile(outer))
        .hadErrorContaining(
            "@HrFlowWebhook interface Hooks is not visible to its generated dispatcher, because it is"
                + " private. Make it package-private or public.")
        .inFile(outer)
        .onLine(6);
  }

  @Test
  void missingRuntimeSaysWhichDependencyToAdd() {
    JavaFileObject hooks =
        source(
            "Hooks",
            "package test;",
            "import ai.hrflow.webhook.HrFlowWebhook;",
            "@HrFlowWebhook",
            "public interface Hooks {",
            "  void onProfileParsingSuccess(Object event);",
            "}");
    assertThat(Compilations.compileWithoutRuntime(hooks))
        .hadErrorContaining(
            "The dispatcher for Hooks cannot be generated: hrflow-webhook-runtime is not on the compile"
                + " classpath (ai.hrflow.webhook.runtime.WebhookDispatcher was not found). Add the"
                + " dependency ai.hrflow:hrflow-webhook-runtime to the project that declares this interface.")
        .inFile(hooks)
        .onLine(4);
  }

  @Test
  void parameterTypeThatNeverAppearsIsReportedAfterTheLastRound() {
    JavaFileObject hooks = hooks("  void onProfileParsingSuccess(NotGeneratedByAnyone event);");
    Compilation compilation = compile(hooks);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(hooks).onLine(8);
    assertThat(compilation)
        .hadErrorContaining("The dispatcher for Hooks cannot be generated: the type NotGeneratedByAnyone")
        .inFile(hooks)
        .onLine(7);
  }

  @Test
  void inheritedMistakeNamesTheInterfaceThatInheritsIt() {
    JavaFileObject base =
        source(
            "Base",
            "package test;",
            "import ai.hrflow.webhook.payload.JobPayload;",
            "public interface Base {",
            "  void onJobParsingSucces(JobPayload event);",
            "}");
    JavaFileObject hooks =
        source("Hooks", "package test;", "@ai.hrflow.webhook.HrFlowWebhook", "public interface Hooks extends Base {}");
    assertThat(compile(base, hooks))
        .hadErrorContaining(
            "Handler method onJobParsingSucces (inherited by Hooks from Base) implies the event type"
                + " \"job.parsing.succes\", which is not in the HrFlow event catalog. Did you mean"
                + " onJobParsingSuccess?")
        .inFile(base)
        .onLine(4);
  }

  @Test
  void everyMistakeOfACompilationIsReportedAtOnce() {
    JavaFileObject hooks =
        hooks(
            "  void onProfileParsingSucess(ProfilePayload event);",
            "  int onJobParsingSuccess(JobPayload event);",
            "  void onActionStageSuccess(ProfilePayload event);");
    Compilation compilation = compile(hooks);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("Did you mean").inFile(hooks).onLine(8);
    assertThat(compilation).hadErrorContaining("must return void").inFile(hooks).onLine(9);
    assertThat(compilation).hadErrorContaining("must be ActionPayload or WebhookEvent").inFile(hooks).onLine(10);
  }

  @Test
  void interfaceWithoutHandlersGetsAWarning() {
    JavaFileObject hooks = hooks("  default void helper() {}");
    Compilation compilation = Compilations.compileLeniently(hooks);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("Hooks declares no handler methods, so its dispatcher acknowledges every event")
        .inFile(hooks)
        .onLine(7);
  }
}
