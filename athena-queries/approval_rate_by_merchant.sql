-- Title: Approval rate by merchant
-- Question: Which merchants have the lowest approval rate over all the data, among merchants with
--   at least 10 decided authorizations?
-- Reads: payments_gold.merchant_daily
-- Notes: approval rate = sum(approved_count) / (sum(approved_count) + sum(declined_count)), summed
--   over days first (a ratio of sums, not an average of daily rates). Pending and reversed
--   payments are not decisions.
SELECT
  merchant_id,
  max(merchant_name) AS merchant_name,
  sum(approved_count) AS approved_count,
  sum(declined_count) AS declined_count,
  sum(approved_count) + sum(declined_count) AS decisions,
  round(CAST(sum(approved_count) AS double) / (sum(approved_count) + sum(declined_count)), 4) AS approval_rate
FROM payments_gold.merchant_daily
GROUP BY merchant_id
HAVING sum(approved_count) + sum(declined_count) >= 10
ORDER BY approval_rate, decisions DESC, merchant_id
LIMIT 25
