package dev.rapport.crm.io;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactService;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports contacts (the people at your customers) from a CSV file with a header row or a JSON lines
 * file, streaming, a batch at a time through {@link ContactService#createAll}, with the modes,
 * report, progress and cancellation of {@link LeadImport}. {@link ContactField#ACCOUNT} names the
 * contact's account by its external reference (your customer number): import the accounts first
 * with {@link AccountImport}; a reference no account has refuses its row. A row whose e-mail
 * address a stored contact, or an earlier row of the file, has is skipped ({@link
 * ImportReport#skipped()}): running the same file again stores nothing twice. Configured, then run
 * once or more; not thread-safe.
 *
 * <pre>{@code
 * AccountImport.into(crm).column("Customer no.", AccountField.EXTERNAL_REFERENCE).csv(customers);
 * ImportReport people = ContactImport.into(crm).column("Customer no.", ContactField.ACCOUNT).csv(contacts);
 * }</pre>
 */
public final class ContactImport extends RecordImport<ContactImport, ContactField> {

  /** A row's contact, still to be given its account, and what it is matched by. */
  private record Row(NewContact.Builder draft, Optional<String> account, Optional<EmailAddress> email) {}

  private ContactImport(Crm crm) {
    super(new FileImport<>(ContactField.class, "contact", ContactImport::row, new FileImport.Store<>() {
      @Override
      public long store(List<Row> batch, FileImport.Rejects rejects) {
        Map<String, Account> accounts = accounts(crm, batch);
        Set<EmailAddress> held = new HashSet<>();
        List<EmailAddress> emails = batch.stream().flatMap(r -> r.email().stream()).toList();
        if (!emails.isEmpty()) {
          for (Contact c : crm.contacts().findByEmails(emails.stream().map(EmailAddress::address).toList())) {
            held.addAll(c.emails());
          }
        }
        List<NewContact> fresh = new ArrayList<>(batch.size());
        List<Integer> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
          Row r = batch.get(i);
          if (refused(r, accounts, i, rejects)) {
            continue;
          }
          if (r.email().isPresent() && !held.add(r.email().get())) {
            continue; // a stored contact, or an earlier row, has the address: skipped
          }
          r.account().ifPresent(ref -> r.draft().account(accounts.get(ref).id()));
          fresh.add(r.draft().build());
          rows.add(i);
        }
        return FileImport.storeRefusingDuplicates(fresh, rows, crm.contacts()::createAll, crm.contacts()::create,
            rejects);
      }

      @Override
      public void check(List<Row> batch, FileImport.Rejects rejects) {
        Map<String, Account> accounts = accounts(crm, batch);
        for (int i = 0; i < batch.size(); i++) {
          refused(batch.get(i), accounts, i, rejects);
        }
      }
    }), ContactService.MAX_BATCH);
    customFields(crm.customFields().fields(dev.rapport.crm.field.RecordKind.CONTACT));
  }

  private static Map<String, Account> accounts(Crm crm, List<Row> batch) {
    List<String> refs = batch.stream().flatMap(r -> r.account().stream()).toList();
    return refs.isEmpty() ? Map.of() : crm.accounts().findByExternalReferences(refs);
  }

  private static boolean refused(Row r, Map<String, Account> accounts, int index, FileImport.Rejects rejects) {
    if (r.account().isPresent() && !accounts.containsKey(r.account().get())) {
      rejects.reject(index, ContactField.ACCOUNT.header(), "names no account with this external reference",
          r.account().get());
      return true;
    }
    return false;
  }

  /**
   * An import into the tenant of {@code crm}: mode {@link ImportMode#STORE_GOOD_ROWS}, batches of
   * {@value LeadImport#DEFAULT_BATCH}, columns by header.
   *
   * @throws ValidationException if crm is null
   */
  public static ContactImport into(Crm crm) {
    if (crm == null) {
      throw new ValidationException("crm", "must not be null");
    }
    return new ContactImport(crm);
  }

  /** The contact of one row; each refusal names the column's field and its value. */
  private static Row row(Map<ContactField, String> values, dev.rapport.crm.field.CustomFields fields)
      throws FileImport.RowRefused {
    String family = FileImport.present(values, ContactField.FAMILY_NAME);
    if (family == null) {
      throw new FileImport.RowRefused(ContactField.FAMILY_NAME.header(), "is required", "");
    }
    PersonName name;
    try {
      name = PersonName.of(FileImport.present(values, ContactField.GIVEN_NAME), family);
    } catch (ValidationException e) {
      ContactField f = e.field().endsWith("givenName") ? ContactField.GIVEN_NAME : ContactField.FAMILY_NAME;
      throw new FileImport.RowRefused(f.header(), e.rule(), values.get(f));
    }
    NewContact.Builder b = NewContact.builder(name);
    String email = FileImport.present(values, ContactField.EMAIL);
    Optional<EmailAddress> address = Optional.empty();
    if (email != null) {
      address = Optional.of(FileImport.checked(ContactField.EMAIL, email, EmailAddress::of));
      b.email(email);
    }
    FileImport.optional(values, ContactField.PHONE, b::phone);
    FileImport.optional(values, ContactField.TITLE, b::title);
    FileImport.optional(values, ContactField.OWNER, b::owner);
    String account = FileImport.present(values, ContactField.ACCOUNT);
    if (account != null) { // the rules of an account's external reference
      FileImport.checked(ContactField.ACCOUNT, account,
          dev.rapport.crm.contact.NewAccount.builder("check")::externalReference);
    }
    b.fields(fields);
    return new Row(b, Optional.ofNullable(account).map(String::strip), address);
  }
}
