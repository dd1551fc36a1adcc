-- Title: Hour-of-day profile
-- Question: How are payments, value and fraud spread over the hours of the day (UTC)?
-- Reads: payments_silver.payments
SELECT
  txn_hour,
  count(*) AS txn_count,
  round(CAST(count(*) AS double) / sum(count(*)) OVER (), 4) AS share_of_txns,
  sum(CASE WHEN status = 'APPROVED' AND txn_type <> 'REFUND' THEN amount_usd ELSE 0 END) AS gross_amount_usd,
  count_if(is_fraud) AS fraud_count,
  round(CAST(count_if(is_fraud) AS double) / count(*), 4) AS fraud_rate
FROM payments_silver.payments
GROUP BY txn_hour
ORDER BY txn_hour
