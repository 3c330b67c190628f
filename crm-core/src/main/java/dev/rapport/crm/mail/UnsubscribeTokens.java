package dev.rapport.crm.mail;

import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.exception.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens of one-click unsubscribe links: the campaign and the member, signed with the tenant's
 * key (HMAC-SHA256 over the tenant, campaign and member, cut to 128 bits), in URL-safe Base64.
 * Nothing is stored: a token is checked by signing again. Holds no state.
 */
final class UnsubscribeTokens {
  private static final int BODY = 33;
  private static final int MAC = 16;

  private UnsubscribeTokens() {}

  /** A token and what it names. */
  record Ref(CampaignId campaign, MemberId member) {}

  static String create(String key, TenantId tenant, CampaignId campaign, MemberId member) {
    ByteBuffer b = ByteBuffer.allocate(BODY + MAC);
    b.put(body(campaign, member));
    b.put(mac(key, tenant, Arrays.copyOf(b.array(), BODY)));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** @throws ValidationException if the token is not one this key signed for this tenant */
  static Ref read(String key, TenantId tenant, String token) {
    if (token == null) {
      throw new ValidationException("token", "must not be null");
    }
    byte[] raw;
    try {
      raw = token.length() > 100 ? new byte[0] : Base64.getUrlDecoder().decode(token.strip());
    } catch (IllegalArgumentException e) {
      raw = new byte[0];
    }
    if (raw.length != BODY + MAC || (raw[16] != 'L' && raw[16] != 'C')
        || !MessageDigest.isEqual(mac(key, tenant, Arrays.copyOf(raw, BODY)), Arrays.copyOfRange(raw, BODY, BODY + MAC))) {
      throw new ValidationException("token", "is not an unsubscribe token of this tenant");
    }
    ByteBuffer b = ByteBuffer.wrap(raw);
    CampaignId campaign = CampaignId.of(new UUID(b.getLong(), b.getLong()));
    boolean lead = b.get() == 'L';
    UUID person = new UUID(b.getLong(), b.getLong());
    return new Ref(campaign, lead ? MemberId.lead(LeadId.of(person)) : MemberId.contact(ContactId.of(person)));
  }

  private static byte[] body(CampaignId campaign, MemberId member) {
    ByteBuffer b = ByteBuffer.allocate(BODY);
    b.putLong(campaign.value().getMostSignificantBits()).putLong(campaign.value().getLeastSignificantBits());
    b.put((byte) (member.isLead() ? 'L' : 'C'));
    b.putLong(member.value().getMostSignificantBits()).putLong(member.value().getLeastSignificantBits());
    return b.array();
  }

  private static byte[] mac(String key, TenantId tenant, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(tenant.value().getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Arrays.copyOf(mac.doFinal(body), MAC);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
