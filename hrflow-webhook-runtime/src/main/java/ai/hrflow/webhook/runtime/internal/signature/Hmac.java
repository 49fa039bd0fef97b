package ai.hrflow.webhook.runtime.internal.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 keyed with one webhook secret. The keyed {@link Mac} is built once and cloned per use,
 * which costs less than keying a new one and is safe across threads, virtual ones included.
 */
public final class Hmac {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Mac keyed;
  private final boolean cloneable;

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
    Mac mac = cloneable ? cloneOf(keyed) : newMac();
    mac.update(data, offset, length);
    return mac.doFinal();
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
