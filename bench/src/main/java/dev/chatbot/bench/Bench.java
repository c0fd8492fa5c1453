package dev.chatbot.bench;

/**
 * The benchmark's single entry point: {@code java -jar bench.jar <command> [--option value ...]}.
 *
 * <ul>
 *   <li>{@code loadgen}: platform API stub + signed webhook load, results as JSON lines</li>
 *   <li>{@code stub}: only the platform API stub</li>
 *   <li>{@code baseline}: the bare Vert.x server (verify, parse, ack, reply through WebClient)</li>
 *   <li>{@code env}: prints the product environment that turns every adapter on against the stub</li>
 *   <li>{@code report}: merges a run's JSON lines, prints the table and ratios, writes the JSON document</li>
 *   <li>{@code cluster-report}: the rows of bench/cluster.sh against the cluster targets of issue 19</li>
 *   <li>{@code jfr-top FILE}: hot methods of a JFR recording</li>
 * </ul>
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) {
      System.err.println("usage: bench.jar loadgen|stub|baseline|env|report|cluster-report|jfr-top [--option value ...]");
      System.exit(2);
    }
    int code = switch (argv[0]) {
      case "loadgen" -> new LoadGen(new Args(argv, 1)).run();
      case "stub" -> LoadGen.stubOnly(new Args(argv, 1));
      case "baseline" -> Baseline.run(new Args(argv, 1));
      case "env" -> {
        Args args = new Args(argv, 1);
        String base = "http://127.0.0.1:" + args.getInt("stub-port", "BENCH_STUB_PORT", 18090);
        Secrets.productEnv(base).forEach((k, v) -> System.out.println(k + "=" + v));
        yield 0;
      }
      case "report" -> Report.run(new Args(argv, 1));
      case "cluster-report" -> ClusterReport.run(new Args(argv, 1));
      case "jfr-top" -> JfrTop.run(argv[1], new Args(argv, 2));
      default -> {
        System.err.println("unknown command '" + argv[0] + "'");
        yield 2;
      }
    };
    System.exit(code);
  }
}
