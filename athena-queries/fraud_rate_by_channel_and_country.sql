-- Title: Fraud rate by channel and country
-- Question: Where is fraud concentrated: the share of labelled fraud per channel and merchant
--   country, for combinations with at least 50 payments?
-- Reads: payments_silver.payments
SELECT
  channel,
  country,
  count(*) AS txn_count,
  count_if(is_fraud) AS fraud_count,
  round(CAST(count_if(is_fraud) AS double) / count(*), 4) AS fraud_rate,
  sum(CASE WHEN is_fraud THEN amount_usd ELSE 0 END) AS fraud_amount_usd
FROM payments_silver.payments
GROUP BY channel, country
HAVING count(*) >= 50
ORDER BY fraud_rate DESC, txn_count DESC, channel, country
