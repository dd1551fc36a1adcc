-- Title: Daily volume and value by currency
-- Question: How many payments were made each day in each currency, how much value did they move
--   (in the currency and in USD), and what share of the decided authorizations was approved?
-- Reads: payments_gold.daily_totals
-- Notes: gross = approved non-refund payments; net = gross - approved refunds. The approval rate is
--   a ratio of sums (approved / (approved + declined)), never an average of daily rates.
SELECT
  CAST(txn_date AS date) AS txn_date,
  currency,
  sum(txn_count) AS txn_count,
  sum(approved_count) AS approved_count,
  sum(declined_count) AS declined_count,
  sum(gross_amount) AS gross_amount,
  sum(net_amount) AS net_amount,
  sum(gross_amount_usd) AS gross_amount_usd,
  sum(net_amount_usd) AS net_amount_usd,
  round(CAST(sum(approved_count) AS double) / NULLIF(sum(approved_count) + sum(declined_count), 0), 4) AS approval_rate
FROM payments_gold.daily_totals
GROUP BY CAST(txn_date AS date), currency
ORDER BY txn_date, currency
