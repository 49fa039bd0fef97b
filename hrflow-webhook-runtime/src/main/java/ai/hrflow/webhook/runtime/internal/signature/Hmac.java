package ai.hrflow.webhook.runtime.internal.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 keyed with one webhook secret. Keyed {@link Mac}s are kept in a small lock-free pool and
 * reused (a {@code Mac} resets itself after {@code doFinal}); when the pool is empty, the keyed one is
 * cloned, which costs less than keying a new one. Safe across threads, virtual ones included (no
 * thread-locals: a virtual thread per request would key a new one each time).
 */
public final class Hmac {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Mac keyed;
  private final boolean cloneable;
  private final ConcurrentLinkedQueue<Mac> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pooled = new AtomicInteger();

  /** The most idle {@code Mac}s kept: enough for the calls verified at once, never more. */
  private static final int MAX_POOLED = 64;

  /**
   * An HMAC keyed with the UTF-8 bytes of {@code secret}.
   */
  public Hmac(String secret) {
    key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    keyed = newMac();
    cloneable = isCloneable(keyed);
  }

  /**
   * The 32-byte MAC of {@code data[offset, offset + length)}.
   */
  public byte[] mac(byte[] data, int offset, int length) {
    Mac mac = idle.poll();
    if (mac != null) {
      pooled.decrementAndGet();
    } else {
      mac = cloneable ? cloneOf(keyed) : newMac();
    }
    mac.update(data, offset, length);
    byte[] digest = mac.doFinal(); // resets the Mac to its keyed state
    if (pooled.incrementAndGet() <= MAX_POOLED) {
      idle.offer(mac);
    } else {
      pooled.decrementAndGet();
    }
    return digest;
  }

  /**
   * The 32-byte MAC of {@code data}.
   */
  public byte[] mac(byte[] data) {
    return mac(data, 0, data.length);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
    }
  }

  private static boolean isCloneable(Mac mac) {
    try {
      mac.clone();
      return true;
    } catch (CloneNotSupportedException e) {
      return false;
    }
  }

  private static Mac cloneOf(Mac mac) {
    try {
      return (Mac) mac.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("cloned once, so always cloneable", e);
    }
  }

  @Override
  public String toString() {
    return "Hmac[" + ALGORITHM + ", secret hidden]";
  }
}
