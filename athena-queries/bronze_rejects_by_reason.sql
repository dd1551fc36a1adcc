-- Title: Bronze rejects by reason
-- Question: How many raw lines did bronze refuse on each ingest date, and why (malformed CSV,
--   wrong column count, values that cannot be typed, schema drift)?
-- Reads: payments_audit.bronze_rejects
SELECT
  CAST(ingest_date AS date) AS ingest_date,
  reason,
  count(*) AS rejected_lines,
  count(DISTINCT source_file) AS files
FROM payments_audit.bronze_rejects
GROUP BY CAST(ingest_date AS date), reason
ORDER BY ingest_date, rejected_lines DESC, reason
