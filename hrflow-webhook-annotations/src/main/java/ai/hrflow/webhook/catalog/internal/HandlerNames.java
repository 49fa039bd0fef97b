package ai.hrflow.webhook.catalog.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The naming convention that binds a handler method to an event type: {@code on} followed by each
 * word of the type, capitalised. {@code onProfileParsingSuccess} handles {@code
 * profile.parsing.success}.
 */
public final class HandlerNames {

  private static final String PREFIX = "on";

  private HandlerNames() {}

  /**
   * The conventional handler method name for a type: {@code job.embedding.error} gives {@code onJobEmbeddingError}.
   */
  public static String methodNameFor(String type) {
    StringBuilder name = new StringBuilder(PREFIX);
    for (String word : type.split("\\.", -1)) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      }
    }
    return name.toString();
  }

  /**
   * The type a method name implies by the convention: {@code onProfileParsingSuccess} gives {@code
   * profile.parsing.success}. Empty if the name does not follow the convention ({@code on} and then
   * an upper-case letter). The type is not checked against the catalog.
   */
  public static Optional<String> typeFor(String methodName) {
    if (methodName.length() <= PREFIX.length()
        || !methodName.startsWith(PREFIX)
        || !Character.isUpperCase(methodName.charAt(PREFIX.length()))) {
      return Optional.empty();
    }
    StringBuilder type = new StringBuilder();
    for (int i = PREFIX.length(); i < methodName.length(); i++) {
      char c = methodName.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > PREFIX.length()) {
          type.append('.');
        }
        type.append(Character.toLowerCase(c));
      } else {
        type.append(c);
      }
    }
    return Optional.of(type.toString().toLowerCase(Locale.ROOT));
  }
}
