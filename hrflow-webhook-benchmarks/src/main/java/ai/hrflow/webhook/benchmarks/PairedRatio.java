package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.runtime.SignatureScheme;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link ReceiveBenchmark}'s ratio to its floor, measured as users run the library (default logging,
 * a handler that reads its payload or not) and so that a slow phase of the machine falls on both
 * sides: receive and its floor run alternately in one JVM, {@value #SLICE_MILLIS} ms at a time, and
 * each pair of slices gives one ratio. A run is the median of {@value #PAIRS} such ratios; each case
 * is measured in {@value #RUNS} runs, interleaved with the other cases, and reported as the median of
 * its runs with their spread (lowest and highest). The command exits with status 1 if a case's median
 * is above its target: 1.3 for a handler that leaves the payload unread, 1.5 for one that reads the
 * profile.
 *
 * <p>Why interleaved: on a shared two-vCPU machine, JMH runs (one benchmark per fork, one after the
 * other) see phases of several seconds in which everything runs about 1.5 times slower, floor
 * included; a ratio of two forks minutes apart measures the machine as much as the code.
 *
 * <pre>java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp benchmarks.jar ai.hrflow.webhook.benchmarks.PairedRatio</pre>
 */
public final class PairedRatio {

  private static final int SLICE_MILLIS = 50;
  private static final int PAIRS = 40;
  private static final int RUNS = 5;
  private static final long WARMUP_NANOS = 6_000_000_000L;
  private static final String[] PAYLOADS = {"profile-1k", "profile-5k"};
  private static final SignatureScheme[] SCHEMES = {SignatureScheme.SIGNED_HEX, SignatureScheme.BODY_HEX};

  private final ReceiveBenchmark state = new ReceiveBenchmark();
  private final Blackhole blackhole =
      new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
  private final double[] runRatios = new double[RUNS];
  private final double[] runReceive = new double[RUNS];
  private final double[] runFloor = new double[RUNS];

  private PairedRatio(String payload, SignatureScheme scheme, BenchmarkReceivers.Handler handler) throws GeneralSecurityException {
    state.payload = payload;
    state.scheme = scheme;
    state.handler = handler;
    state.setUp();
  }

  /** The most a case may cost, as a multiple of its floor. */
  static double target(BenchmarkReceivers.Handler handler) {
    return handler == BenchmarkReceivers.Handler.UNREAD ? 1.3 : 1.5;
  }

  public static void main(String[] args) throws Exception {
    List<PairedRatio> cases = new ArrayList<>();
    for (String payload : args.length > 0 ? args : PAYLOADS) {
      for (BenchmarkReceivers.Handler handler : BenchmarkReceivers.Handler.values()) {
        for (SignatureScheme scheme : SCHEMES) {
          cases.add(new PairedRatio(payload, scheme, handler));
        }
      }
    }
    System.out.printf(
        "Java %s; %d runs per case, interleaved across cases; a run is the median of %d pairs of %d ms slices; %d s of warm-up per case%n%n",
        Runtime.version(), RUNS, PAIRS, SLICE_MILLIS, WARMUP_NANOS / 1_000_000_000L);
    for (PairedRatio one : cases) {
      one.warmUp();
    }
    for (int run = 0; run < RUNS; run++) {
      for (PairedRatio one : cases) {
        one.measure(run);
      }
    }
    System.out.println("| payload | scheme | handler | receive µs | floor µs | ratio: median of runs | runs: lowest–highest | target |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    boolean met = true;
    for (PairedRatio one : cases) {
      met &= one.report();
    }
    System.out.println(met ? "\nevery case meets its target" : "\nA TARGET IS MISSED");
    if (!met) {
      System.exit(1);
    }
  }

  private void warmUp() throws IOException {
    long end = System.nanoTime() + WARMUP_NANOS;
    while (System.nanoTime() < end) {
      receiveNanosPerOp();
      floorNanosPerOp();
    }
  }

  private void measure(int run) throws IOException {
    double[] receive = new double[PAIRS];
    double[] floor = new double[PAIRS];
    double[] ratios = new double[PAIRS];
    for (int pair = 0; pair < PAIRS; pair++) {
      if (pair % 2 == 0) {
        receive[pair] = receiveNanosPerOp();
        floor[pair] = floorNanosPerOp();
      } else {
        floor[pair] = floorNanosPerOp();
        receive[pair] = receiveNanosPerOp();
      }
      ratios[pair] = receive[pair] / floor[pair];
    }
    runRatios[run] = median(ratios);
    runReceive[run] = median(receive);
    runFloor[run] = median(floor);
  }

  /** Prints this case's row; returns whether it meets its target. */
  private boolean report() {
    double[] sorted = runRatios.clone();
    Arrays.sort(sorted);
    double ratio = median(runRatios);
    double target = target(state.handler);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %.2f | %.2f | %.2f | %.2f–%.2f | %.1f%s |%n",
        state.payload,
        state.scheme,
        state.handler.name().toLowerCase(Locale.ROOT),
        median(runReceive) / 1000,
        median(runFloor) / 1000,
        ratio,
        sorted[0],
        sorted[sorted.length - 1],
        target,
        ratio <= target ? "" : " MISSED");
    return ratio <= target;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  // Two loops rather than one taking a lambda: each call site then sees one target and is inlined,
  // as in JMH's own generated loops; a shared call site would tax both sides.
  private double receiveNanosPerOp() {
    long start = System.nanoTime();
    long end = start + SLICE_MILLIS * 1_000_000L;
    long ops = 0;
    long now;
    do {
      blackhole.consume(state.receive());
      ops++;
    } while ((now = System.nanoTime()) < end);
    return (double) (now - start) / ops;
  }

  private double floorNanosPerOp() throws IOException {
    long start = System.nanoTime();
    long end = start + SLICE_MILLIS * 1_000_000L;
    long ops = 0;
    long now;
    do {
      blackhole.consume(state.floor(blackhole));
      ops++;
    } while ((now = System.nanoTime()) < end);
    return (double) (now - start) / ops;
  }
}
