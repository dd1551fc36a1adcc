package com.paymentslake.contract;

import java.util.Objects;

/**
 * One column of the raw contract.
 *
 * @param name column name as it appears in the CSV header
 * @param type logical type bronze casts to
 * @param required whether an empty value breaks the contract (checked by the silver rules)
 * @param description what the column holds
 */
public record ContractColumn(String name, ColumnType type, boolean required, String description) {
  public ContractColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "Column name '" + name + "' must be lower snake case ([a-z][a-z0-9_]*)");
    }
  }
}
