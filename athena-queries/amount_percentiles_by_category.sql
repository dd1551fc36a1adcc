-- Title: Amount percentiles by merchant category
-- Question: What do approved purchases typically cost in each merchant category (median, 90th and
--   99th percentile of the amount in USD)?
-- Reads: payments_silver.payments
-- Notes: categories group ISO 18245 merchant category codes; rows without an MCC form UNKNOWN.
--   approx_percentile is approximate on large groups (exact enough for a profile).
WITH purchases AS (
  SELECT
    CASE
      WHEN mcc IS NULL THEN 'UNKNOWN'
      WHEN mcc IN ('5411', '5499') THEN 'GROCERY'
      WHEN mcc IN ('5541', '5542') THEN 'FUEL'
      WHEN mcc IN ('5812', '5813', '5814') THEN 'EATING_PLACES'
      WHEN mcc IN ('4511', '7011', '4121') THEN 'TRAVEL'
      WHEN mcc IN ('5999', '5732', '5942', '5311', '5912') THEN 'RETAIL'
      WHEN mcc IN ('4900', '4814') THEN 'UTILITIES'
      ELSE 'OTHER'
    END AS category,
    CAST(amount_usd AS double) AS amount_usd
  FROM payments_silver.payments
  WHERE txn_type = 'PURCHASE' AND status = 'APPROVED'
),
profile AS (
  SELECT
    category,
    count(*) AS purchases,
    approx_percentile(amount_usd, ARRAY[0.5, 0.9, 0.99]) AS percentiles
  FROM purchases
  GROUP BY category
)
SELECT
  category,
  purchases,
  element_at(percentiles, 1) AS p50_usd,
  element_at(percentiles, 2) AS p90_usd,
  element_at(percentiles, 3) AS p99_usd
FROM profile
ORDER BY category
