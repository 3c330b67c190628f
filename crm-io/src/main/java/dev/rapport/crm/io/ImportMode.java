package dev.rapport.crm.io;

/** What an import does with the good rows of a file that has bad ones. */
public enum ImportMode {
  /**
   * Read and check the whole file first; store nothing if a row is bad, else read it again and
   * store every row. The source is opened twice.
   */
  VALIDATE_FIRST,
  /** Store the good rows as they come, batch by batch, and report the bad ones. */
  STORE_GOOD_ROWS
}
