package dev.rapport.crm.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of an erased marker: SHA-256 of the tenant and the normalised address, in hex. The
 * marker holds no address; a capture of the same address in the tenant finds it. Internal.
 */
public final class ErasureKeys {
  private ErasureKeys() {}

  /** The marker key of this address (lower-case, as {@code EmailAddress.normalized()}) in this tenant. */
  public static String of(String tenant, String normalizedAddress) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(("rapport-erasure\u0000" + tenant + "\u0000" + normalizedAddress)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
