package dev.rapport.crm.internal.context;

/**
 * Moves the custom values of one key to another on every record of a kind: implemented above the
 * feature packages (which it reaches through their ports), called by {@code
 * CustomFieldService.rename} inside its command. Internal.
 */
public interface FieldKeys {
  /**
   * Gives every record of the kind ({@code RecordKind} name) that has a value of {@code from} the
   * same value under {@code to} instead, storing each; returns how many records it changed.
   */
  int move(CrmContext.Command cmd, String kind, String from, String to);
}
