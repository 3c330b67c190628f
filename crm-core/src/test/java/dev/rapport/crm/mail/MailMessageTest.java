package dev.rapport.crm.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.exception.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The rules of a message's values: header injection refused, ids without brackets, limits. */
class MailMessageTest {
  private static final Instant AT = Instant.parse("2025-03-03T09:00:00Z");
  private static final MailAddress FROM = MailAddress.of("ada@example.org");

  @ParameterizedTest
  @ValueSource(strings = {"Hello\r\nBcc: victim@example.org", "Hello\nX", "Hello\rX"})
  void aLineBreakInASubjectNameOrAttachmentIsRefusedAsHeaderInjection(String bad) {
    assertThatThrownBy(() -> MailMessage.builder("a@b", FROM, AT).subject(bad))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.subject").hasMessageContaining("line break");
    assertThatThrownBy(() -> new MailMessage("a@b", java.util.Optional.empty(), List.of(), FROM, List.of(), List.of(),
        List.of(), bad, AT, java.util.Optional.empty(), List.of(), java.util.Optional.empty(), List.of()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.subject");
    assertThatThrownBy(() -> MailAddress.of(bad, "ada@example.org"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.name");
    assertThatThrownBy(() -> new MailAttachment(bad, "text/plain", 1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.attachment.name");
  }

  @Test
  void messageIdsLoseTheirBracketsAndMustNotHoldSpacesOrBrackets() {
    MailMessage m = MailMessage.builder(" <abc.123@host.example> ", FROM, AT).inReplyTo("<x@y>")
        .references(List.of("<r1@y>", "r2@y")).build();
    assertThat(m.messageId()).isEqualTo("abc.123@host.example");
    assertThat(m.inReplyTo()).contains("x@y");
    assertThat(m.references()).containsExactly("r1@y", "r2@y");
    for (String bad : List.of("", "<>", "a b@c", "a<b@c", "a\tb", "x".repeat(251))) {
      assertThatThrownBy(() -> MailMessage.builder(bad, FROM, AT)).as(bad)
          .isInstanceOf(ValidationException.class).hasMessageContaining("mail.messageId");
    }
    assertThatThrownBy(() -> MailMessage.builder("a@b", FROM, AT).references(List.of("ok@x", "not ok")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.references");
  }

  @Test
  void onlyTheNewestReferencesAreKeptAndTooManyAddressesAreRefused() {
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      refs.add("r" + i + "@x");
    }
    MailMessage m = MailMessage.builder("a@b", FROM, AT).references(refs).build();
    assertThat(m.references()).hasSize(MailMessage.MAX_REFERENCES).startsWith("r50@x").endsWith("r149@x");
    MailMessage.Builder b = MailMessage.builder("a@b", FROM, AT);
    for (int i = 0; i <= MailMessage.MAX_ADDRESSES; i++) {
      b.cc(MailAddress.of("p" + i + "@x.example"));
    }
    assertThatThrownBy(b::build).isInstanceOf(ValidationException.class).hasMessageContaining("mail.to")
        .hasMessageContaining("1000");
  }

  @Test
  void aTooLongSubjectOrTextIsRefusedAndABlankOneIsNone() {
    assertThatThrownBy(() -> MailMessage.builder("a@b", FROM, AT).subject("s".repeat(MailMessage.SUBJECT + 1)).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.subject");
    assertThatThrownBy(() -> MailMessage.builder("a@b", FROM, AT).text("t".repeat(MailMessage.TEXT + 1)).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.text");
    MailMessage blank = MailMessage.builder("a@b", FROM, AT).subject("   ").text(" \n ").build();
    assertThat(blank.subject()).isEmpty();
    assertThat(blank.text()).isEmpty();
  }

  @Test
  void theSubjectKeyDropsReplyAndForwardPrefixesCaseAndSpaces() {
    for (String s : List.of("Re: Offer  17", "RE: re: Offer 17", "AW: WG: offer 17", "Fwd: Re: OFFER 17", "offer 17",
        "AW : Offer 17", "Fw :offer 17")) {
      assertThat(MailMessage.builder("a@b", FROM, AT).subject(s).build().subjectKey()).as(s).isEqualTo("offer 17");
      assertThat(MailText.isReply(s)).as(s).isEqualTo(!s.equals("offer 17"));
    }
    assertThat(MailText.isReply("Regarding the offer")).isFalse();
    assertThat(MailText.subjectKey("Re:")).isEmpty();
  }

  @Test
  void ownAddressesAreTheGivenOnesAndEveryAddressAtAnOwnDomain() {
    MailSettings s = MailSettings.builder().ownDomain("ACME.example").ownDomain("@acme.de").ownAddress("Sales@Gmail.com").build();
    assertThat(s.isOwn(EmailAddress.of("Sam@acme.EXAMPLE"))).isTrue();
    assertThat(s.isOwn(EmailAddress.of("sam@acme.de"))).isTrue();
    assertThat(s.isOwn(EmailAddress.of("sales@gmail.com"))).isTrue();
    assertThat(s.isOwn(EmailAddress.of("other@gmail.com"))).isFalse();
    assertThat(s.isOwn(EmailAddress.of("sam@sub.acme.example"))).isFalse();
    assertThat(MailSettings.standard().isOwn(EmailAddress.of("sam@acme.example"))).isFalse();
    assertThatThrownBy(() -> MailSettings.builder().ownDomain("not a domain"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.ownDomains");
    assertThatThrownBy(() -> new MailSettings(Collections.singleton(null), java.util.Set.of(),
        MailSettings.UnknownSenders.IGNORE, true, java.util.Optional.empty(), java.util.Optional.empty()))
        .isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://acme.example/u", "https:///no-host", "/relative?token=", "https://acme.example/a b",
      "https://acme.example/<x>", "https://acme.example/\r\nBcc:x", "https://acmé.example/u"})
  void anUnsubscribeUrlMustBeAnAbsoluteAsciiHttpUrl(String bad) {
    String url = bad.replace("\\r\\n", "\r\n");
    assertThatThrownBy(() -> MailMessage.builder("a@b", FROM, AT).unsubscribeUrl(url))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.unsubscribeUrl");
    assertThatThrownBy(() -> MailSettings.builder().unsubscribe(url, "k".repeat(MailSettings.MIN_KEY)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.unsubscribeUrl");
  }

  @Test
  void theUnsubscribeKeyIsLongEnoughComesWithItsUrlAndIsNeverPrinted() {
    assertThatThrownBy(() -> MailSettings.builder().unsubscribe("https://acme.example/u?t=", "short"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.unsubscribeKey")
        .hasMessageContaining(String.valueOf(MailSettings.MIN_KEY));
    assertThatThrownBy(() -> new MailSettings(java.util.Set.of(), java.util.Set.of(), MailSettings.UnknownSenders.IGNORE,
        true, java.util.Optional.empty(), java.util.Optional.of("k".repeat(40))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mail.unsubscribeKey");
    MailSettings s = MailSettings.builder().unsubscribe("https://acme.example/u?t=", "secret-".repeat(6)).build();
    assertThat(s.toString()).doesNotContain("secret-").contains("(set)");
  }

  @Test
  void anUnsubscribeTokenNamesItsMemberOnlyUnderTheKeyAndTenantThatSignedIt() {
    var tenant = dev.rapport.crm.common.TenantId.of("acme");
    var campaign = dev.rapport.crm.common.CampaignId.of(java.util.UUID.randomUUID());
    var member = dev.rapport.crm.campaign.MemberId.lead(dev.rapport.crm.common.LeadId.of(java.util.UUID.randomUUID()));
    String key = "k".repeat(40);
    String token = UnsubscribeTokens.create(key, tenant, campaign, member);
    assertThat(token).matches("[A-Za-z0-9_-]{66}");
    assertThat(UnsubscribeTokens.read(key, tenant, token)).isEqualTo(new UnsubscribeTokens.Ref(campaign, member));
    assertThatThrownBy(() -> UnsubscribeTokens.read("x".repeat(40), tenant, token))
        .isInstanceOf(ValidationException.class).hasMessageContaining("token");
    assertThatThrownBy(() -> UnsubscribeTokens.read(key, dev.rapport.crm.common.TenantId.of("other"), token))
        .isInstanceOf(ValidationException.class).hasMessageContaining("token");
    char[] flipped = token.toCharArray();
    flipped[30] = flipped[30] == 'A' ? 'B' : 'A';
    assertThatThrownBy(() -> UnsubscribeTokens.read(key, tenant, new String(flipped)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("token");
    for (String bad : new String[] {"", "!!!", "a".repeat(1_000)}) {
      assertThatThrownBy(() -> UnsubscribeTokens.read(key, tenant, bad)).isInstanceOf(ValidationException.class);
    }
  }
}
