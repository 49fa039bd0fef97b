package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.runtime.SignatureScheme;
import java.security.GeneralSecurityException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link ReceiveBenchmark}'s ratio measured so that a slow phase of the machine falls on both sides:
 * receive and its floor run alternately in one JVM, {@value #SLICE_MILLIS} ms at a time, and each
 * pair of slices gives one ratio; the report is the median of {@value #PAIRS} such ratios with its
 * quartiles, and exits with status 1 if any median ratio is above the 1.3x target.
 *
 * <p>Why: on a shared two-vCPU machine, JMH runs (which measure one benchmark per fork, one after
 * the other) see phases of several seconds in which everything runs about 1.5 times slower, floor
 * included. A ratio of two forks minutes apart then measures the machine as much as the code.
 * Here the two sides are interleaved within 100 ms, in alternating order (receive first, then floor
 * first), so such phases cancel out. The methods timed are {@link ReceiveBenchmark#receive} and
 * {@link ReceiveBenchmark#floor} themselves, on the same state, and their results go to a JMH
 * {@link Blackhole}.
 *
 * <pre>java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp benchmarks.jar ai.hrflow.webhook.benchmarks.PairedRatio [payload...]</pre>
 *
 * <p>The payloads are those of {@link ReceiveBenchmark} ({@code profile-1k}, {@code profile-5k},
 * {@code batch-100}), all of them by default, each in both schemes.
 */
public final class PairedRatio {

  private static final int SLICE_MILLIS = 50;
  private static final int PAIRS = 100;
  private static final long WARMUP_NANOS = 8_000_000_000L;
  private static final String[] PAYLOADS = {"profile-1k", "profile-5k", "batch-100"};
  private static final SignatureScheme[] SCHEMES = {SignatureScheme.SIGNED_HEX, SignatureScheme.BODY_HEX};

  /** Issue 4's target: receive costs at most 1.3 times its floor. */
  private static final double TARGET = 1.3;

  private final ReceiveBenchmark state = new ReceiveBenchmark();
  private final Blackhole blackhole =
      new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  private PairedRatio(String payload, SignatureScheme scheme) throws GeneralSecurityException {
    state.payload = payload;
    state.scheme = scheme;
    state.setUp();
  }

  public static void main(String[] args) throws Exception {
    System.out.printf(
        "Java %s; %d pairs of %d ms slices per case after %d s of warm-up%n%n",
        Runtime.version(), PAIRS, SLICE_MILLIS, WARMUP_NANOS / 1_000_000_000L);
    System.out.println("| payload | scheme | receive µs (median) | floor µs (median) | ratio: median of pairs | quartiles |");
    System.out.println("|---|---|---|---|---|---|");
    double worst = 0;
    for (String payload : args.length > 0 ? args : PAYLOADS) {
      for (SignatureScheme scheme : SCHEMES) {
        worst = Math.max(worst, new PairedRatio(payload, scheme).run());
      }
    }
    boolean met = worst <= TARGET;
    System.out.printf(Locale.ROOT, "%nhighest median ratio %.2f: the %.1fx target is %s%n", worst, TARGET, met ? "met" : "MISSED");
    if (!met) {
      System.exit(1);
    }
  }

  /** Measures one case, prints its row, and returns its median ratio. */
  private double run() throws IOException {
    long warmupEnd = System.nanoTime() + WARMUP_NANOS;
    while (System.nanoTime() < warmupEnd) {
      receiveNanosPerOp();
      floorNanosPerOp();
    }
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
    Arrays.sort(receive);
    Arrays.sort(floor);
    Arrays.sort(ratios);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %.2f | %.2f | %.2f | %.2f–%.2f |%n",
        state.payload,
        state.scheme,
        receive[PAIRS / 2] / 1000,
        floor[PAIRS / 2] / 1000,
        ratios[PAIRS / 2],
        ratios[PAIRS / 4],
        ratios[3 * PAIRS / 4]);
    return ratios[PAIRS / 2];
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
