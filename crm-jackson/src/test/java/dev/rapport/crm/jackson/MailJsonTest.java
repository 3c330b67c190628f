package dev.rapport.crm.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rapport.crm.activity.Direction;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.ActivityId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.MailId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.mail.LoggedMail;
import dev.rapport.crm.mail.MailAddress;
import dev.rapport.crm.mail.MailAttachment;
import dev.rapport.crm.mail.MailIngest;
import dev.rapport.crm.mail.MailMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The mail records (left out of {@link RoundTripTest}'s scan, as records built with a builder) in
 * JSON: a logged message with every part, and an ingest's result, read back equal; addresses as
 * their text, ids as strings. The JPA adapter stores a logged message in this shape.
 */
class MailJsonTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new RapportModule()).build();

  @Test
  void aLoggedMessageAndAnIngestResultRoundTrip() throws Exception {
    MailMessage message = MailMessage.builder("<a.1@meyer-bau.de>", MailAddress.of("Meyer, Katherine", "k.meyer@meyer-bau.de"),
            Instant.parse("2025-03-03T09:15:00.123456Z"))
        .inReplyTo("offer@acme.example").references(List.of("first@acme.example", "offer@acme.example"))
        .to(MailAddress.of("Sam", "sam@acme.example")).cc(MailAddress.of("Zoë", "zoe@elsewhere.example"))
        .replyTo(MailAddress.of("office@meyer-bau.de")).subject("Angebot – \"Dach\"").text("Zeile 1\nZeile 2 😀")
        .attachment(new MailAttachment("Pläne.pdf", "application/pdf", 2_345_678))
        .unsubscribeUrl("https://acme.example/unsubscribe?token=abc-_1")
        .failedRecipient(dev.rapport.crm.common.EmailAddress.of("gone@elsewhere.example")).build();
    LoggedMail logged = new LoggedMail(MailId.of(UUID.randomUUID()), TenantId.of("acme"), 1, message,
        MailId.of(UUID.randomUUID()), Direction.INBOUND, List.of(LeadId.of(UUID.randomUUID())),
        List.of(ContactId.of(UUID.randomUUID())), List.of(AccountId.of(UUID.randomUUID())),
        ActivityId.of(UUID.randomUUID()), Instant.parse("2025-03-03T10:00:00Z"),
        Optional.of(dev.rapport.crm.common.CampaignId.of(UUID.randomUUID())));
    MailIngest result = new MailIngest(MailIngest.Outcome.LOGGED, Optional.of(logged), "linked");

    String json = MAPPER.writeValueAsString(result);
    assertThat(MAPPER.readValue(json, MailIngest.class)).isEqualTo(result);
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(logged), LoggedMail.class)).isEqualTo(logged);
    JsonNode tree = MAPPER.readTree(json).path("mail");
    assertThat(tree.path("id").isTextual()).isTrue();
    assertThat(tree.path("message").path("from").path("address").asText()).isEqualTo("k.meyer@meyer-bau.de");
    assertThat(tree.path("message").path("messageId").asText()).isEqualTo("a.1@meyer-bau.de");
    assertThat(tree.path("message").path("failedRecipients").path(0).asText()).isEqualTo("gone@elsewhere.example");
    assertThat(tree.path("campaign").isTextual()).isTrue();
  }

  @Test
  void aSuppressionAndACampaignSendReportRoundTrip() throws Exception {
    var suppression = new dev.rapport.crm.mail.MailSuppression(TenantId.of("acme"),
        dev.rapport.crm.common.EmailAddress.of("Gone@Elsewhere.example"), 2,
        dev.rapport.crm.mail.MailSuppression.Reason.BOUNCED, Instant.parse("2025-03-03T10:00:00Z"), "Undelivered");
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(suppression), dev.rapport.crm.mail.MailSuppression.class))
        .isEqualTo(suppression);
    var member = dev.rapport.crm.campaign.MemberId.contact(ContactId.of(UUID.randomUUID()));
    var report = new dev.rapport.crm.mail.CampaignSendReport(dev.rapport.crm.common.CampaignId.of(UUID.randomUUID()),
        List.of(member), 3, List.of(new dev.rapport.crm.mail.CampaignSendReport.Skipped(member,
            dev.rapport.crm.mail.CampaignSendReport.Reason.NO_CONSENT)),
        List.of(new dev.rapport.crm.mail.CampaignSendReport.Failed(member, "refused")));
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(report), dev.rapport.crm.mail.CampaignSendReport.class))
        .isEqualTo(report);
  }
}
