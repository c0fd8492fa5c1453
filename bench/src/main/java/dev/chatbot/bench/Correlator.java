package dev.chatbot.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Matches each webhook sent to the reply the stub receives. A user has at most one message in flight, so the reply's
 * recipient finds it; on echo workloads the reply's text must also carry that message's unique token, so a reply is
 * matched exactly (a token from another message counts as a mismatch, never as a reply).
 */
final class Correlator {

  /** Listener for a finished message (acked and answered, or lost). Called on any thread. */
  interface Done {
    void finished(Pending pending);
  }

  static final int ACKED = 1;
  static final int REPLIED = 2;
  static final int LOST = 4;

  /** One message in flight. */
  static final class Pending {
    final String recipient;
    final int user;
    final String token;
    final long sentNanos;
    final Done done;
    private final AtomicInteger state = new AtomicInteger();

    Pending(String recipient, int user, String token, long sentNanos, Done done) {
      this.recipient = recipient;
      this.user = user;
      this.token = token;
      this.sentNanos = sentNanos;
      this.done = done;
    }

    /** Sets {@code bit}: the new state, or -1 when the bit was already set or the message was given up. */
    int mark(int bit) {
      while (true) {
        int s = state.get();
        if ((s & bit) != 0 || (s & LOST) != 0) {
          return -1;
        }
        if (state.compareAndSet(s, s | bit)) {
          return s | bit;
        }
      }
    }

    /** Gives up on the message; true when it was still open. */
    boolean lose() {
      while (true) {
        int s = state.get();
        if (s == (ACKED | REPLIED) || (s & LOST) != 0) {
          return false;
        }
        if (state.compareAndSet(s, s | LOST)) {
          return true;
        }
      }
    }

    boolean replied() {
      return (state.get() & REPLIED) != 0;
    }

    /** Finished without an ack: the system refused or is gone. */
    boolean failed() {
      return (state.get() & ACKED) == 0;
    }
  }

  final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();

  final Recorder ackLatency = new Recorder(3);
  final Recorder e2eLatency = new Recorder(3);
  final LongAdder sent = new LongAdder();
  final LongAdder acks = new LongAdder();
  final LongAdder replies = new LongAdder();
  final LongAdder ackErrors = new LongAdder();
  final LongAdder lost = new LongAdder();
  final LongAdder mismatches = new LongAdder();
  final LongAdder extraReplies = new LongAdder();
  final LongAdder stubRequests = new LongAdder();

  void register(Pending p) {
    pending.put(p.recipient, p);
    sent.increment();
  }

  void acked(Pending p, int status, long nowNanos) {
    if (status != 200) {
      ackErrors.increment();
      if (p.lose()) {
        finish(p);
      }
      return;
    }
    acks.increment();
    ackLatency.recordValue(micros(nowNanos - p.sentNanos));
    if (p.mark(ACKED) == (ACKED | REPLIED)) {
      finish(p);
    }
  }

  void ackFailed(Pending p) {
    ackErrors.increment();
    if (p.lose()) {
      finish(p);
    }
  }

  /** Called by the stub for every reply the system under test sent. */
  void reply(String recipient, String text, long nowNanos) {
    Pending p = recipient == null ? null : pending.get(recipient);
    if (p == null || p.replied()) {
      extraReplies.increment();
      return;
    }
    if (!p.token.isEmpty() && (text == null || !text.contains(p.token))) {
      // Echo workloads: the reply must carry this very message's token.
      mismatches.increment();
      return;
    }
    int state = p.mark(REPLIED);
    if (state < 0) {
      extraReplies.increment();
      return;
    }
    count(p, nowNanos);
    if (state == (ACKED | REPLIED)) {
      finish(p);
    }
  }

  private void count(Pending p, long nowNanos) {
    replies.increment();
    e2eLatency.recordValue(micros(nowNanos - p.sentNanos));
  }

  /** Drops messages that have waited longer than {@code timeoutNanos}. */
  void expire(long timeoutNanos) {
    long now = System.nanoTime();
    for (Pending p : pending.values()) {
      if (now - p.sentNanos > timeoutNanos && p.lose()) {
        lost.increment();
        finish(p);
      }
    }
  }

  private void finish(Pending p) {
    pending.remove(p.recipient, p);
    p.done.finished(p);
  }

  static long micros(long nanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos));
  }

  /** Counters at one instant, to subtract. */
  record Snapshot(long nanos, long sent, long acks, long replies, long ackErrors, long lost, long mismatches, long extra) {}

  Snapshot snapshot() {
    return new Snapshot(System.nanoTime(), sent.sum(), acks.sum(), replies.sum(), ackErrors.sum(), lost.sum(),
        mismatches.sum(), extraReplies.sum());
  }

  /** Empties both latency recorders (the warmup's values are thrown away). */
  void resetLatencies() {
    ackLatency.getIntervalHistogram();
    e2eLatency.getIntervalHistogram();
  }

  Histogram ackWindow() {
    return ackLatency.getIntervalHistogram();
  }

  Histogram e2eWindow() {
    return e2eLatency.getIntervalHistogram();
  }
}
