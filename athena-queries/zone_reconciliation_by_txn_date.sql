-- Title: Zone reconciliation by txn date
-- Question: Does every txn date balance across the zones: bronze rows = silver rows + silver
--   rejects, and gold's sum of txn_count = silver rows?
-- Reads: payments_bronze.payments, payments_silver.payments, payments_audit.silver_rejects,
--   payments_gold.daily_totals
WITH bronze AS (
  SELECT CAST(txn_date AS date) AS txn_date, count(*) AS bronze_rows
  FROM payments_bronze.payments GROUP BY CAST(txn_date AS date)
),
silver AS (
  SELECT CAST(txn_date AS date) AS txn_date, count(*) AS silver_rows
  FROM payments_silver.payments GROUP BY CAST(txn_date AS date)
),
rejects AS (
  SELECT CAST(txn_date AS date) AS txn_date, count(*) AS rejected_rows
  FROM payments_audit.silver_rejects GROUP BY CAST(txn_date AS date)
),
gold AS (
  SELECT CAST(txn_date AS date) AS txn_date, sum(txn_count) AS gold_txn_count
  FROM payments_gold.daily_totals GROUP BY CAST(txn_date AS date)
)
SELECT
  b.txn_date,
  b.bronze_rows,
  coalesce(s.silver_rows, 0) AS silver_rows,
  coalesce(r.rejected_rows, 0) AS rejected_rows,
  coalesce(g.gold_txn_count, 0) AS gold_txn_count,
  b.bronze_rows = coalesce(s.silver_rows, 0) + coalesce(r.rejected_rows, 0)
    AND coalesce(g.gold_txn_count, 0) = coalesce(s.silver_rows, 0) AS balanced
FROM bronze b
LEFT JOIN silver s ON s.txn_date = b.txn_date
LEFT JOIN rejects r ON r.txn_date = b.txn_date
LEFT JOIN gold g ON g.txn_date = b.txn_date
ORDER BY b.txn_date
