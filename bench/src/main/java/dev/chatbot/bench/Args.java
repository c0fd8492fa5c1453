package dev.chatbot.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options; each may fall back to an environment variable, then to a default. */
final class Args {

  private final Map<String, String> values = new HashMap<>();

  Args(String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        values.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else if (i + 1 < args.length) {
        values.put(arg.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException(arg + " needs a value");
      }
    }
  }

  String get(String name, String env, String fallback) {
    String value = values.get(name);
    if (value == null && env != null) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  int getInt(String name, String env, int fallback) {
    return Integer.parseInt(get(name, env, String.valueOf(fallback)));
  }
}
