-- Title: Silver rejects by rule
-- Question: Which data-quality rules reject rows from silver, how often, and over which txn dates?
-- Reads: payments_audit.silver_rejects
-- Notes: a row that fails several rules counts once for each (failed_rule_ids is unnested).
SELECT
  t.rule_id,
  count(*) AS rejected_rows,
  count(DISTINCT r.txn_date) AS txn_dates,
  min(CAST(r.txn_date AS date)) AS first_txn_date,
  max(CAST(r.txn_date AS date)) AS last_txn_date
FROM payments_audit.silver_rejects r
CROSS JOIN UNNEST(r.failed_rule_ids) AS t (rule_id)
GROUP BY t.rule_id
ORDER BY rejected_rows DESC, t.rule_id
