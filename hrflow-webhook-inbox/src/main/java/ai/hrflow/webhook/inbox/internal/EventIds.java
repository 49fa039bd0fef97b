package ai.hrflow.webhook.inbox.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event ids: time-ordered UUIDs in the layout of RFC 9562's version 7 (48 bits of Unix milliseconds,
 * then 74 bits that tell events apart), made without a lock or a system call per id.
 *
 * <p>{@code UUID.randomUUID()} reads the operating system's generator through one shared lock for
 * each id; this draws 64 random bits once per process and counts from there: ids of one process are
 * never equal (the counter does not repeat within 2<sup>64</sup> ids), and two processes share ids
 * only if their random starting points fall within each other's counts, a chance of about one in
 * 2<sup>30</sup> for two processes that each make a billion ids. Ids made later sort later (to the
 * millisecond, across nodes as far as their clocks agree), so new rows go to the end of the
 * database's indexes instead of all over them.
 */
public final class EventIds {

  private static final AtomicLong COUNTER = new AtomicLong(new SecureRandom().nextLong());

  private EventIds() {}

  /** {@return a new id at {@code epochMillis}, as a 36-character UUID string} */
  public static String next(long epochMillis) {
    long count = COUNTER.getAndIncrement();
    // version 7: unix_ts_ms (48) | ver (4) | rand_a (12); variant 10 | rand_b (62)
    long high = (epochMillis << 16) | 0x7000L | ((count >>> 52) & 0x0FFFL);
    long low = 0x8000_0000_0000_0000L | (count & 0x3FFF_FFFF_FFFF_FFFFL);
    return new UUID(high, low).toString();
  }

  /** {@return when the id {@code id} was made, to the millisecond; null if it is not one of these ids} */
  public static Instant timestamp(String id) {
    if (id == null || id.length() != 36 || id.charAt(14) != '7') {
      return null; // not version 7: an id of another kind
    }
    try {
      return Instant.ofEpochMilli(UUID.fromString(id).getMostSignificantBits() >>> 16);
    } catch (IllegalArgumentException notUuid) {
      return null;
    }
  }
}
