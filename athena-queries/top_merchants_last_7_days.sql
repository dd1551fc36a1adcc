-- Title: Top merchants over the last 7 days of data
-- Question: Which 10 merchants had the highest gross value in USD over the 7 most recent days of
--   data (the latest txn_date in gold and the 6 days before it, whatever today's date is)?
-- Reads: payments_gold.merchant_daily
SELECT
  row_number() OVER (ORDER BY sum(m.gross_amount_usd) DESC, m.merchant_id) AS merchant_rank,
  m.merchant_id,
  max(m.merchant_name) AS merchant_name,
  sum(m.gross_amount_usd) AS gross_amount_usd,
  sum(m.net_amount_usd) AS net_amount_usd,
  sum(m.txn_count) AS txn_count,
  count(DISTINCT m.txn_date) AS active_days
FROM payments_gold.merchant_daily m
CROSS JOIN (
  SELECT max(CAST(txn_date AS date)) AS last_day FROM payments_gold.merchant_daily
) latest
WHERE CAST(m.txn_date AS date) > date_add('day', -7, latest.last_day)
GROUP BY m.merchant_id
ORDER BY merchant_rank
LIMIT 10
