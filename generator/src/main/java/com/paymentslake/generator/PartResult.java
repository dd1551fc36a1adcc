package com.paymentslake.generator;

import com.paymentslake.contract.TruthManifest;

/** What one written file holds. */
record PartResult(String name, long dataLines, long bytes, boolean schemaDrift, DefectLog defects) {
  TruthManifest.FileEntry fileEntry() {
    return new TruthManifest.FileEntry(name, dataLines, bytes, schemaDrift);
  }
}
