package dev.rapport.crm.io;

import dev.rapport.crm.Crm;
import dev.rapport.crm.contact.AccountService;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.exception.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports accounts (your customers) from a CSV file with a header row or a JSON lines file,
 * streaming, a batch at a time through {@link AccountService#createAll}, with the modes, report,
 * progress and cancellation of {@link LeadImport}. Rows that carry an external reference (your
 * customer number, {@link AccountField#EXTERNAL_REFERENCE}) make the import idempotent: a row whose
 * reference a stored account, or an earlier row of the file, has is skipped ({@link
 * ImportReport#skipped()}), so running the same file again stores nothing twice. Configured, then
 * run once or more; not thread-safe.
 *
 * <pre>{@code
 * ImportReport report = AccountImport.into(crm)
 *     .column("Customer no.", AccountField.EXTERNAL_REFERENCE)
 *     .csv(LeadImport.utf8(Path.of("customers.csv")));
 * }</pre>
 */
public final class AccountImport extends RecordImport<AccountImport, AccountField> {

  /** A row's account and the reference it carries (the draft does not show it). */
  private record Row(NewAccount draft, Optional<String> reference) {}

  private AccountImport(Crm crm) {
    super(new FileImport<>(AccountField.class, "account", AccountImport::row, (batch, rejects) -> {
      Set<String> seen = new HashSet<>(); // earlier batches are stored: the look-up finds theirs
      List<String> refs = batch.stream().flatMap(r -> r.reference().stream()).toList();
      Map<String, ?> stored = refs.isEmpty() ? Map.of() : crm.accounts().findByExternalReferences(refs);
      List<NewAccount> fresh = new ArrayList<>(batch.size());
      List<Integer> rows = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        Row r = batch.get(i);
        // stored already (a re-run), or given by an earlier row of this file: skipped
        if (r.reference().isEmpty() || (!stored.containsKey(r.reference().get()) && seen.add(r.reference().get()))) {
          fresh.add(r.draft());
          rows.add(i);
        }
      }
      return FileImport.storeRefusingDuplicates(fresh, rows, crm.accounts()::createAll, crm.accounts()::create,
          rejects);
    }), AccountService.MAX_BATCH);
    customFields(crm.customFields().fields(dev.rapport.crm.field.RecordKind.ACCOUNT));
  }

  /**
   * An import into the tenant of {@code crm}: mode {@link ImportMode#STORE_GOOD_ROWS}, batches of
   * {@value LeadImport#DEFAULT_BATCH}, columns by header.
   *
   * @throws ValidationException if crm is null
   */
  public static AccountImport into(Crm crm) {
    if (crm == null) {
      throw new ValidationException("crm", "must not be null");
    }
    return new AccountImport(crm);
  }

  /** The account of one row; each refusal names the column's field and its value. */
  private static Row row(Map<AccountField, String> values, dev.rapport.crm.field.CustomFields fields)
      throws FileImport.RowRefused {
    String name = FileImport.present(values, AccountField.NAME);
    if (name == null) {
      throw new FileImport.RowRefused(AccountField.NAME.header(), "is required", "");
    }
    NewAccount.Builder b = FileImport.checked(AccountField.NAME, name, NewAccount::builder);
    String reference = FileImport.present(values, AccountField.EXTERNAL_REFERENCE);
    FileImport.optional(values, AccountField.DOMAIN, b::domain);
    FileImport.optional(values, AccountField.EXTERNAL_REFERENCE, b::externalReference);
    FileImport.optional(values, AccountField.INDUSTRY, (String i) -> b.industry(i));
    FileImport.optional(values, AccountField.OWNER, b::owner);
    b.fields(fields);
    return new Row(b.build(), Optional.ofNullable(reference));
  }
}
