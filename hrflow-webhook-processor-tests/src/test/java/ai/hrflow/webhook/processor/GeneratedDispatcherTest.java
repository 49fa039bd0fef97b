package ai.hrflow.webhook.processor;

import static ai.hrflow.webhook.processor.Compilations.compile;
import static ai.hrflow.webhook.processor.Compilations.source;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.DispatchResult;
import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookDispatcherFactory;
import ai.hrflow.webhook.runtime.WebhookEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** What the processor generates for the shapes of interface users write, checked by running it. */
class GeneratedDispatcherTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call a handler received: the method and its argument. */
  record Call(String method, Object argument) {}

  @Test
  void nestedInterfaceGetsAnUnderscoredDispatcherName() throws Exception {
    Compilation compilation =
        compile(
            source(
                "Outer",
                "package test;",
                "import ai.hrflow.webhook.HrFlowWebhook;",
                "import ai.hrflow.webhook.payload.ProfilePayload;",
                "public class Outer {",
                "  @HrFlowWebhook",
                "  public interface Inner {",
                "    void onProfileParsingSuccess(ProfilePayload event);",
                "  }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> dispatcher = new CompiledClasses(compilation).load("test.Outer_InnerDispatcher");
    assertTrue(Modifier.isPublic(dispatcher.getModifiers()));
    assertTrue(Modifier.isFinal(dispatcher.getModifiers()));
  }

  @Test
  void packagePrivateInterfaceGetsAPackagePrivateDispatcher() {
    Compilation compilation =
        compile(
            source(
                "Hooks",
                "package test;",
                "@ai.hrflow.webhook.HrFlowWebhook",
                "interface Hooks {",
                "  void onJobParsingSuccess(ai.hrflow.webhook.payload.JobPayload event);",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> dispatcher = new CompiledClasses(compilation).load("test.HooksDispatcher");
    assertFalse(Modifier.isPublic(dispatcher.getModifiers()));
  }

  @Test
  void inheritedMethodsCountAndDefaultAndStaticMethodsDoNot() throws Exception {
    Compilation compilation =
        compile(
            source(
                "Base",
                "package test;",
                "public interface Base<E> {",
                "  void onJobParsingSuccess(E event);",
                "  void onProfileParsingError(ai.hrflow.webhook.runtime.WebhookEvent event);",
                "}"),
            source(
                "Hooks",
                "package test;",
                "import ai.hrflow.webhook.payload.*;",
                "@ai.hrflow.webhook.HrFlowWebhook",
                "public interface Hooks extends Base<JobPayload> {",
                "  void onProfileParsingSuccess(ProfilePayload event);",
                "  @Override void onProfileParsingError(ai.hrflow.webhook.runtime.WebhookEvent event);",
                "  default void onJobEmbeddingError(JobPayload event) {}",
                "  static void onJobEmbeddingSuccess(JobPayload event) {}",
                "  boolean equals(Object other);",
                "  String toString();",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClasses classes = new CompiledClasses(compilation);
    List<Call> calls = new ArrayList<>();
    WebhookDispatcher dispatcher = dispatcher(classes, "test.Hooks", calls);

    assertEquals(
        Set.of("profile.parsing.success", "profile.parsing.error", "job.parsing.success"), dispatcher.handledTypes());
    assertEquals(DispatchResult.HANDLED, dispatcher.dispatch(event("{\"type\":\"job.parsing.success\",\"job\":{\"key\":\"k\"}}")));
    assertEquals(DispatchResult.UNHANDLED, dispatcher.dispatch(event("{\"type\":\"job.embedding.error\"}")));
    assertEquals(1, calls.size());
    assertEquals("onJobParsingSuccess", calls.get(0).method());
    assertEquals("k", ((ai.hrflow.webhook.payload.JobPayload) calls.get(0).argument()).job().key());
  }

  @Test
  void checkedExceptionsOfHandlersPropagateFromDispatch() throws Exception {
    Compilation compilation =
        compile(
            source(
                "Hooks",
                "package test;",
                "@ai.hrflow.webhook.HrFlowWebhook",
                "public interface Hooks {",
                "  void onProfileParsingSuccess(ai.hrflow.webhook.runtime.WebhookEvent event)",
                "      throws java.io.IOException, java.sql.SQLException;",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClasses classes = new CompiledClasses(compilation);
    Class<?> hooks = classes.load("test.Hooks");
    Object failing =
        Proxy.newProxyInstance(
            classes,
            new Class<?>[] {hooks},
            (proxy, method, args) -> {
              throw new java.sql.SQLException("database down");
            });
    WebhookDispatcher dispatcher = newDispatcher(classes, "test.Hooks", failing);
    java.sql.SQLException thrown =
        assertThrows(java.sql.SQLException.class, () -> dispatcher.dispatch(event("{\"type\":\"profile.parsing.success\"}")));
    assertEquals("database down", thrown.getMessage());
  }

  @Test
  void constructorRejectsANullHandler() {
    Compilation compilation = compile(Compilations.hooks("  void onProfileParsingSuccess(ProfilePayload event);"));
    CompiledClasses classes = new CompiledClasses(compilation);
    Class<?> hooks = classes.load("test.Hooks");
    InvocationTargetException thrown =
        assertThrows(
            InvocationTargetException.class,
            () -> classes.load("test.HooksDispatcher").getConstructor(hooks).newInstance((Object) null));
    assertTrue(thrown.getCause() instanceof NullPointerException);
  }

  @Test
  void interfaceWithOnlyAFallbackSendsEverythingThere() throws Exception {
    Compilation compilation = compile(Compilations.hooks("  @OnEvent(OnEvent.ANY) void onAny(WebhookEvent event);"));
    assertThat(compilation).succeededWithoutWarnings();
    List<Call> calls = new ArrayList<>();
    WebhookDispatcher dispatcher = dispatcher(new CompiledClasses(compilation), "test.Hooks", calls);
    WebhookEvent event = event("{\"type\":\"profile.parsing.success\"}");
    assertEquals(DispatchResult.FALLBACK, dispatcher.dispatch(event));
    assertEquals(List.of(new Call("onAny", event)), calls);
    assertEquals(Set.of(), dispatcher.handledTypes());
  }

  @Test
  void generatedCodeUsesNoReflection() throws Exception {
    Compilation compilation =
        Compilations.compile(com.google.testing.compile.JavaFileObjects.forResource("golden/RecruitingHooks.java"));
    String source =
        compilation.generatedSourceFile("com.example.hooks.RecruitingHooksDispatcher").orElseThrow().getCharContent(false).toString();
    for (String reflective : List.of("java.lang.reflect", "getMethod", "getDeclaredMethod", "invoke(", "Class.forName", "MethodHandle")) {
      assertFalse(source.contains(reflective), reflective);
    }
  }

  @Test
  void aPublicInterfaceGetsAFactoryListedForServiceLoaderAndAPackagePrivateOneDoesNot() throws Exception {
    Compilation compilation =
        compile(
            Compilations.hooks("  void onProfileParsingSuccess(ProfilePayload event);"),
            source("Hidden", "package test;", "@ai.hrflow.webhook.HrFlowWebhook", "interface Hidden { void onJobParsingError(ai.hrflow.webhook.runtime.WebhookEvent event); }"));
    assertThat(compilation).succeededWithoutWarnings();
    String list =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/ai.hrflow.webhook.runtime.WebhookDispatcherFactory")
            .orElseThrow(() -> new AssertionError("no ServiceLoader list written"))
            .getCharContent(true)
            .toString();
    List<String> providers = list.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    assertEquals(List.of("test.HooksDispatcher$Factory"), providers);
    CompiledClasses classes = new CompiledClasses(compilation);
    WebhookDispatcherFactory<?> factory = (WebhookDispatcherFactory<?>) classes.load(providers.get(0)).getConstructor().newInstance();
    assertSame(classes.load("test.Hooks"), factory.handlerType());
    List<Call> calls = new ArrayList<>();
    Object handler =
        Proxy.newProxyInstance(
            classes,
            new Class<?>[] {factory.handlerType()},
            (proxy, method, args) -> {
              calls.add(new Call(method.getName(), args[0]));
              return null;
            });
    WebhookDispatcher dispatcher = factory.createFor(handler);
    assertSame(classes.load("test.HooksDispatcher"), dispatcher.getClass());
    assertEquals(DispatchResult.HANDLED, dispatcher.dispatch(event("{\"type\":\"profile.parsing.success\",\"profile\":{\"key\":\"k\"}}")));
    assertEquals("onProfileParsingSuccess", calls.get(0).method());
    assertNull(factory.createFor("not a handler"), "an object that does not implement the interface gets no dispatcher");
  }

  /** A dispatcher of the compiled {@code interfaceName} over a handler that records its calls. */
  static WebhookDispatcher dispatcher(CompiledClasses classes, String interfaceName, List<Call> calls) throws Exception {
    Class<?> hooks = classes.load(interfaceName);
    Object recorder =
        Proxy.newProxyInstance(
            classes,
            new Class<?>[] {hooks},
            (proxy, method, args) -> {
              calls.add(new Call(method.getName(), args[0]));
              return null;
            });
    return newDispatcher(classes, interfaceName, recorder);
  }

  private static WebhookDispatcher newDispatcher(CompiledClasses classes, String interfaceName, Object handler)
      throws Exception {
    Class<?> hooks = classes.load(interfaceName);
    Class<?> dispatcher = classes.load(interfaceName + "Dispatcher");
    var constructor = dispatcher.getDeclaredConstructor(hooks);
    constructor.setAccessible(true);
    WebhookDispatcher instance = (WebhookDispatcher) constructor.newInstance(handler);
    assertSame(dispatcher, instance.getClass());
    return instance;
  }

  static WebhookEvent event(String json) throws Exception {
    return WebhookEvent.of(JSON.readTree(json));
  }
}
