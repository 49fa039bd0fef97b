package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link WebhookDispatcher#all}: every handler bound to a type, in order; the fallbacks only when none is. */
class AllDispatchersTest {

  private final List<String> calls = new ArrayList<>();

  private WebhookDispatcher named(String name, Set<String> types, boolean fallback) {
    return new WebhookDispatcher() {
      @Override
      public DispatchResult dispatch(WebhookEvent event) {
        if (types.contains(event.type())) {
          calls.add(name + ":" + event.type());
          return DispatchResult.HANDLED;
        }
        if (fallback) {
          calls.add(name + ":fallback");
          return DispatchResult.FALLBACK;
        }
        return DispatchResult.UNHANDLED;
      }

      @Override
      public Set<String> handledTypes() {
        return types;
      }

      @Override
      public boolean hasFallback() {
        return fallback;
      }
    };
  }

  private static WebhookEvent event(String type) throws Exception {
    return WebhookEvent.of(new ObjectMapper().readTree("{\"type\":\"" + type + "\"}"));
  }

  @Test
  void eachEventReachesEveryBoundHandlerAndTheFallbacksOnlyWhenNoneIsBound() throws Exception {
    WebhookDispatcher all =
        WebhookDispatcher.all(
            List.of(
                named("a", Set.of("profile.parsing.success"), true),
                named("b", Set.of("profile.parsing.success", "job.parsing.success"), false),
                named("c", Set.of(), true)));
    assertEquals(DispatchResult.HANDLED, all.dispatch(event("profile.parsing.success")));
    assertEquals(List.of("a:profile.parsing.success", "b:profile.parsing.success"), calls);
    calls.clear();
    assertEquals(DispatchResult.HANDLED, all.dispatch(event("job.parsing.success")));
    assertEquals(List.of("b:job.parsing.success"), calls, "a's fallback does not run: b handles the type");
    calls.clear();
    assertEquals(DispatchResult.FALLBACK, all.dispatch(event("profile.future.event")));
    assertEquals(List.of("a:fallback", "c:fallback"), calls);
    assertEquals(Set.of("profile.parsing.success", "job.parsing.success"), all.handledTypes());
    assertTrue(all.hasFallback());
    assertEquals(DispatchResult.FALLBACK, all.resultFor("x.y.z"));
  }

  @Test
  void withoutFallbacksAnUnboundTypeIsUnhandled() throws Exception {
    WebhookDispatcher all = WebhookDispatcher.all(List.of(named("a", Set.of("a.b.c"), false), named("b", Set.of("d.e.f"), false)));
    assertEquals(DispatchResult.UNHANDLED, all.dispatch(event("x.y.z")));
    assertFalse(all.hasFallback());
    assertEquals(List.of(), calls);
  }

  @Test
  void aThrowingHandlerStopsTheLaterOnesAndPropagates() {
    WebhookDispatcher failing =
        new WebhookDispatcher() {
          @Override
          public DispatchResult dispatch(WebhookEvent event) {
            throw new IllegalStateException("downstream down");
          }

          @Override
          public Set<String> handledTypes() {
            return Set.of("a.b.c");
          }
        };
    WebhookDispatcher all = WebhookDispatcher.all(List.of(failing, named("later", Set.of("a.b.c"), false)));
    assertThrows(IllegalStateException.class, () -> all.dispatch(event("a.b.c")));
    assertEquals(List.of(), calls);
  }

  @Test
  void oneDispatcherIsItselfAndNoneIsAnError() {
    WebhookDispatcher only = named("a", Set.of("a.b.c"), false);
    assertSame(only, WebhookDispatcher.all(List.of(only)));
    assertThrows(IllegalArgumentException.class, () -> WebhookDispatcher.all(List.of()));
  }
}
