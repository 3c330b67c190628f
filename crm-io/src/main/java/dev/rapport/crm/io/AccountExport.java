package dev.rapport.crm.io;

import dev.rapport.crm.Crm;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.exception.ValidationException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Exports a tenant's accounts as CSV (a header row of {@link AccountField#header()}s, then one row
 * per account) or as JSON lines (one object per account, absent fields left out), streaming: a
 * page at a time, oldest first. What it writes, {@link AccountImport} reads back to the same
 * fields (an account without an external reference comes back as a new account each time it is
 * imported: the reference is what makes a re-import idempotent). Stateless.
 */
public final class AccountExport {
  private AccountExport() {}

  /**
   * Writes every account of the tenant as CSV (the writer is flushed, not closed).
   *
   * @return how many accounts were written
   * @throws ValidationException if an argument is null
   * @throws UncheckedIOException if the writer fails
   */
  public static long csv(Crm crm, Writer out) {
    FileExport.notNull(crm, "crm");
    FileExport.notNull(out, "out");
    return FileExport.csv(AccountField.class, p -> crm.accounts().list(p), AccountExport::values,
        LeadExport.customKeys(crm, dev.rapport.crm.field.RecordKind.ACCOUNT), Account::fields, out);
  }

  /**
   * Writes every account of the tenant as JSON lines (the writer is flushed, not closed).
   *
   * @return how many accounts were written
   * @throws ValidationException if an argument is null
   * @throws UncheckedIOException if the writer fails
   */
  public static long jsonLines(Crm crm, Writer out) {
    FileExport.notNull(crm, "crm");
    FileExport.notNull(out, "out");
    return FileExport.jsonLines(p -> crm.accounts().list(p), AccountExport::values, Account::fields, out);
  }

  private static Map<AccountField, String> values(Account a) {
    Map<AccountField, String> v = new EnumMap<>(AccountField.class);
    v.put(AccountField.NAME, a.name());
    v.put(AccountField.DOMAIN, LeadExport.text(a.domain()));
    v.put(AccountField.EXTERNAL_REFERENCE, LeadExport.text(a.externalReference()));
    v.put(AccountField.INDUSTRY, a.industry().map(i -> i.code()).orElse(""));
    v.put(AccountField.OWNER, LeadExport.text(a.owner()));
    return v;
  }
}
