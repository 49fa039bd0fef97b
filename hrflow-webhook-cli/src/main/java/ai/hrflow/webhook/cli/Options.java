package ai.hrflow.webhook.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one command, checked against the names the command takes. */
final class Options {

  private final String command;
  private final Map<String, String> values = new LinkedHashMap<>();

  private Options(String command) {
    this.command = command;
  }

  /** Parses {@code arguments}, refusing names outside {@code allowed}, repeated names and missing values. */
  static Options parse(String command, List<String> arguments, Set<String> allowed) throws UsageException {
    Options options = new Options(command);
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (!argument.startsWith("--")) {
        throw new UsageException(command + ": unexpected argument \"" + argument + "\"; options are --name value");
      }
      String name = argument.substring(2);
      if (!allowed.contains(name)) {
        throw new UsageException(command + ": unknown option --" + name + "; it takes --" + String.join(", --", allowed));
      }
      if (i + 1 == arguments.size() || arguments.get(i + 1).startsWith("--")) {
        throw new UsageException(command + ": --" + name + " needs a value");
      }
      if (options.values.put(name, arguments.get(++i)) != null) {
        throw new UsageException(command + ": --" + name + " is given twice");
      }
    }
    return options;
  }

  /** The value of a required option. */
  String required(String name) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      throw new UsageException(command + ": --" + name + " is required");
    }
    return value;
  }

  /** The value of an optional option, or null. */
  String optional(String name) {
    return values.get(name);
  }
}
